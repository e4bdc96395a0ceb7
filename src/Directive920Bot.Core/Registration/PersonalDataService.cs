using System.Security.Cryptography;
using System.Text.Json;

namespace Directive920Bot.Registration;

public sealed class PersonalDataService(IEnumerable<IPersonalDataHolder> holders, Storage.IStorage storage, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time)
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
}
