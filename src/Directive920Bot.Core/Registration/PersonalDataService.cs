using System.Text.Json;

namespace Directive920Bot.Registration;

public sealed class PersonalDataService(
    IEnumerable<IPersonalDataHolder> holders,
    Storage.IStorage storage,
    Storage.IStorageMaintenance maintenance,
    [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time,
    Hosting.BotClock clock,
    ILogger<PersonalDataService> log)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Localization.Loc SummaryHead = new(
        "DỮ LIỆU CÁ NHÂN BOT ĐANG LƯU VỀ ĐỒNG CHÍ\nLập lúc {0} (giờ Việt Nam, dd/MM/yyyy HH:mm). Tệp JSON gửi kèm chứa cùng dữ liệu ở dạng máy đọc được; các mục dưới đây giải thích từng phần.",
        "THE PERSONAL DATA THE BOT HOLDS ABOUT YOU\nMade at {0} (Vietnam time, dd/MM/yyyy HH:mm). The JSON file sent with it holds the same data for machines; the parts below explain each.");

    private static readonly Localization.Loc SummaryFoot = new(
        "Ngoài các mục trên, báo cáo chỉ giữ số liệu tổng hợp theo đơn vị (số người nhận, xác nhận, trả lời đúng), không ghi tên hay mã của ai. Quyền của đồng chí: /hoso để sửa thông tin, /ngungnhan để ngừng nhận tin, /xoa để xóa dữ liệu cá nhân.",
        "Besides the parts above, reports keep only counts per unit (received, confirmed, answered right), with nobody's name or id. Your rights: /profile to correct your details, /stop to stop messages, /delete to erase your personal data.");

    private static readonly Localization.Loc NothingKept = new("(không có)", "(none)");

    /// <summary>
    /// The readable account of the same data as <see cref="ExportJson"/>, in <paramref name="language"/>: each part's
    /// heading, what it is for and its records, times in the bot's zone as dd/MM/yyyy HH:mm. Plain text (UTF-8).
    /// </summary>
    public byte[] Summary(long subscriberId, string language)
    {
        var format = new PersonalDataFormat(language, clock);
        var text = new System.Text.StringBuilder();
        text.AppendLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format.T(SummaryHead), format.Time(clock.UtcNow.UtcDateTime)));
        foreach (var section in holders.SelectMany(h => h.Describe(subscriberId, format)))
        {
            text.AppendLine().AppendLine("■ " + section.Title).AppendLine(section.Explanation);
            foreach (var line in section.Lines.DefaultIfEmpty(format.T(NothingKept)))
            {
                text.AppendLine("  • " + line);
            }
        }

        text.AppendLine().AppendLine(format.T(SummaryFoot));
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

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

    public long Erase(long subscriberId) =>
        // One transaction for every holder: a failure half-way leaves nothing erased and nothing half-linked, and the
        // person can ask again.
        storage.Write(tx => Erase(tx, subscriberId));

    /// <summary>
    /// Erases in <paramref name="tx"/>, for work that must erase and do more atomically (a link replaces a stub); returns
    /// the tombstone pseudonym. No compaction follows: the caller's transaction has not committed yet.
    /// </summary>
    public long Erase(Storage.ITransaction tx, long subscriberId)
    {
        ArgumentNullException.ThrowIfNull(tx);
        // Negative, keyed by a random key never stored, one per record, so counts survive but nobody can be traced and
        // no two records of the person can be joined (see ErasurePseudonyms).
        var pseudonyms = ErasurePseudonyms.Create(subscriberId);
        foreach (var holder in holders)
        {
            holder.Erase(tx, subscriberId, pseudonyms);
        }

        return pseudonyms.Tombstone;
    }

    /// <summary>
    /// Erases (see <see cref="Erase(long)"/>), then compacts the store so that the erased records' bytes do not survive in its
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
