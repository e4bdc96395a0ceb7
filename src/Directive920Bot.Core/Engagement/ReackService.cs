using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;

namespace Directive920Bot.Engagement;

public sealed record ReackResult(bool ItemFound, int Enqueued, int AlreadyCurrent);

/// <summary>
/// Re-acknowledgement after a content change: everyone whose acknowledgement is of an older content hash gets a short
/// "what changed" note with the current text and the button again. The new acknowledgement carries the new hash.
/// </summary>
public sealed class ReackService(
    DeliveryLedger ledger,
    IAcknowledgements acks,
    ISubscribers subscribers,
    ContentService content,
    WorkingCalendar calendar,
    BotClock clock,
    ILogger<ReackService> log)
{
    public const int MaxNoteLength = 500;

    /// <summary>The payload of a re-acknowledgement row: reports count it apart from first deliveries.</summary>
    public const string Payload = "reack";
    private const int TelegramLimit = 4096;

    public static string OccurrenceFor(string itemId, string contentHash) => $"ra:{itemId}:{Short(contentHash)}";

    public ReackResult Request(string itemId, string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var item = content.Current.Find(itemId);
        if (item is null)
        {
            return new ReackResult(false, 0, 0);
        }

        var now = clock.UtcNow;
        var due = calendar.NextOpen(now).UtcDateTime;
        var occurrence = OccurrenceFor(item.Id, item.ContentHash);
        var rows = new List<DeliveryRow>();
        var current = 0;
        foreach (var group in acks.ForItem(item.Id).GroupBy(a => a.SubscriberId))
        {
            if (group.Any(a => a.ContentHash == item.ContentHash))
            {
                current++;
                continue;
            }

            var subscriber = subscribers.Find(group.Key);
            if (subscriber is null || !subscriber.IsRegistered)
            {
                continue;
            }

            var text = item.For(subscriber.Language);
            var lead = EngagementTexts.ReackNote.Format(subscriber.Language, TelegramHtml.Escape(note.Trim()));
            var html = lead + text.Html;
            if (html.Length > TelegramLimit)
            {
                // The note must reach the cadre; the full text is one /lessons press away.
                html = lead + "<b>" + TelegramHtml.Escape(text.Title) + "</b>";
            }

            var kind = item.Kind == ItemKind.Announcement ? DeliveryKind.Announcement : DeliveryKind.Lesson;
            rows.Add(DeliveryRows.For(occurrence, DeliveryRecipient.Of(subscriber), kind, due, now.UtcDateTime,
                itemId: item.Id, contentHash: item.ContentHash, html: html, payload: Payload, requireAck: true, priority: 5));
        }

        var enqueued = rows.Count == 0 ? 0 : ledger.Enqueue(rows);
        log.LogInformation("Re-acknowledgement of {Item} requested: {Enqueued} row(s) enqueued", item.Id, enqueued);
        return new ReackResult(true, enqueued, current);
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
