using System.Security.Cryptography;
using System.Text.Json;

namespace Directive920Bot.Registration;

public sealed class PersonalDataService(
    IEnumerable<IPersonalDataHolder> holders,
    Storage.IStorage storage,
    Storage.IStorageMaintenance maintenance,
    [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time,
    ILogger<PersonalDataService> log)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public byte[] ExportJson(long subscriberId)
    {
        var export = new Dictionary<string, object?>
        {
            ["exportedAt"] = time.GetUtcNow(),
            ["telegramUserId"] = subscriberId,
        };
        foreach (var holder in holders)
        {
            export[holder.Name] = holder.Export(subscriberId);
        }

        return JsonSerializer.SerializeToUtf8Bytes(export, Json);
    }

    public long Erase(long subscriberId)
    {
        // Negative, random and unrelated to the Telegram id, so counts survive but nobody can be traced.
        var pseudonym = -(long)(RandomNumberGenerator.GetInt32(1, int.MaxValue)) * 1000 - RandomNumberGenerator.GetInt32(0, 1000);
        // One transaction for every holder: a failure half-way leaves nothing erased and nothing half-linked, and the
        // person can ask again.
        storage.Write(tx =>
        {
            foreach (var holder in holders)
            {
                holder.Erase(tx, subscriberId, pseudonym);
            }
        });
        return pseudonym;
    }

    /// <summary>
    /// Erases (see <see cref="Erase"/>), then compacts the store so that the erased records' bytes do not survive in its
    /// free pages. Erasures that arrive while a compaction is queued share it. A failed compaction is logged, not
    /// thrown: the erasure is committed, and the periodic compaction will rewrite the file.
    /// </summary>
    public async Task<long> EraseAsync(long subscriberId)
    {
        var pseudonym = Erase(subscriberId);
        try
        {
            await maintenance.CompactAsync();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            log.LogError(ex, "Compacting the store after an erasure failed; the periodic compaction will retry");
        }

        return pseudonym;
    }
}
