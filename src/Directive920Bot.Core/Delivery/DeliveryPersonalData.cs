using Directive920Bot.Localization;
using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Delivery;

/// <summary>/mydata lists what was sent to the person; /delete pseudonymises their ledger rows (counts stay) and drops the track.</summary>
public sealed class DeliveryPersonalData(DeliveryLedger ledger, TrackService track) : IPersonalDataHolder
{
    private static readonly Loc Title = new("Tin bot đã gửi hoặc sắp gửi cho đồng chí", "Messages the bot sent or will send you");

    private static readonly Loc Why = new(
        "Mỗi bài học, thông báo, lời nhắc gửi cho đồng chí và kết quả gửi: để không gửi trùng, không bỏ sót và để đơn vị biết ai đã nhận.",
        "Each lesson, announcement and reminder for you and whether it was sent: so nothing is sent twice or missed, and the unit knows who received what.");

    public string Name => "deliveries";

    public IEnumerable<PersonalDataSection> Describe(long subscriberId, PersonalDataFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var rows = ledger.ForSubscriber(subscriberId).OrderBy(r => r.CreatedAt).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var en = format.Language == "en";
        return [new PersonalDataSection(format.T(Title), format.T(Why), rows.Select(r =>
        {
            var what = (r.Kind, en) switch
            {
                (DeliveryKind.Lesson, false) => "bài học",
                (DeliveryKind.Announcement, false) => "thông báo",
                (DeliveryKind.Reminder, false) => "lời nhắc",
                (DeliveryKind.Quiz, false) => "câu hỏi",
                (DeliveryKind.Review, false) => "câu hỏi ôn tập",
                (DeliveryKind.Digest, false) => "bản tin tổng hợp",
                (DeliveryKind.Nudge, false) => "lời đôn đốc",
                _ => r.Kind.ToString().ToLowerInvariant(),
            };
            var state = r.State switch
            {
                DeliveryState.Sent => (en ? "sent " : "đã gửi lúc ") + format.Time(r.SentAt),
                DeliveryState.Pending or DeliveryState.Sending => (en ? "due " : "dự kiến gửi lúc ") + format.Time(r.DueAt),
                DeliveryState.Failed => en ? "could not be sent" : "không gửi được",
                DeliveryState.Blocked => en ? "not sent: the bot was blocked" : "không gửi: bot bị chặn",
                _ => en ? "skipped" : "bỏ qua",
            };
            return $"{what}{(r.ItemId is { } item ? " " + item : "")}: {state}";
        }).ToList())];
    }

    public object? Export(long subscriberId) => ledger.ForSubscriber(subscriberId)
        .OrderBy(r => r.CreatedAt)
        .Select(r => new { r.Id, Kind = r.Kind.ToString(), r.ItemId, r.CampaignId, State = r.State.ToString(), r.DueAt, r.SentAt })
        .ToList();

    public void Erase(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms)
    {
        ledger.Pseudonymise(tx, pseudonyms);
        track.Erase(tx, subscriberId);
    }
}
