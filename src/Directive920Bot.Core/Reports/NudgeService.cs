using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Reports;

public sealed class NudgeService(IEnumerable<IPendingAcknowledgements> pending, IEnumerable<INudgeSink> queues, IStorage storage, INudgeMarks marks, AuditLog audit, BotClock clock, ISubscribers subscribers, ReportService reports)
{
    private static readonly Localization.Loc NudgeText = new(
        "🔔 Đơn vị nhắc đồng chí: đồng chí chưa xác nhận nội dung <b>{0}</b>. Đồng chí vui lòng đọc và bấm “✅ Đã đọc và cam kết thực hiện” ở tin nhắn gửi nội dung đó.",
        "🔔 A reminder from your unit: you have not yet acknowledged <b>{0}</b>. Please read it and press “✅ I have read it and commit to it” on that message.");

    public bool Available => pending.Any();

    public IReadOnlyList<PendingAcknowledgement> Pending(IReadOnlyCollection<string> unitCodes) =>
        pending.FirstOrDefault()?.Pending(unitCodes) ?? [];

    /// <summary>Enqueues one Nudge row per pending acknowledgement, skipping items this unit was nudged about today.</summary>
    public NudgeResult Nudge(long actor, string unitCode, IReadOnlyCollection<string> unitCodes)
    {
        var queue = queues.FirstOrDefault();
        if (queue is null || !Available)
        {
            return new NudgeResult(0, 0, false);
        }

        var today = clock.LocalNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var now = clock.UtcNow.UtcDateTime;
        var rows = new List<DeliveryRow>();
        var skipped = 0;
        foreach (var item in Pending(unitCodes).GroupBy(p => p.ItemId, StringComparer.Ordinal))
        {
            // Each mark commits on its own, before its rows are enqueued, as each insert did when it committed by itself.
            var mark = new NudgeMark { Id = $"{unitCode}|{item.Key}|{today}", Actor = actor, At = now };
            if (!storage.Write(tx => marks.TryAdd(tx, mark)))
            {
                skipped++;
                continue;
            }

            foreach (var p in item)
            {
                var subscriber = subscribers.Find(p.SubscriberId);
                if (subscriber is not { IsReachable: true })
                {
                    continue;
                }

                // The chat and language of the delivery being nudged about (the text is in that language); the unit and
                // role as they are now, like every new row.
                var to = new DeliveryRecipient(p.SubscriberId, p.Language, subscriber.UnitCode, subscriber.Role);
                rows.Add(DeliveryRows.For($"n:{unitCode}:{item.Key}:{today}", to, DeliveryKind.Nudge, dueAt: now, now: now,
                    itemId: item.Key,
                    payload: p.DeliveryId,
                    // An announcement's item is its campaign key; the cadre reads its title and date, never "campaign:…".
                    html: NudgeText.Format(p.Language, Content.TelegramHtml.Escape(reports.Title(item.Key, p.Language))),
                    priority: 5));
            }
        }

        var enqueued = rows.Count == 0 ? 0 : queue.Enqueue(rows);
        audit.Write(actor, "nudge", unitCode, FormattableString.Invariant($"{enqueued} rows, {skipped} items already nudged today"));
        return new NudgeResult(enqueued, skipped, true);
    }
}
