using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Infrastructure;
using Directive920Bot.WebConsole;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>
/// The overview's weekly trend reads the per-unit, per-day counters; it must say what a recount of the ledger rows and
/// acknowledgements says: a week's deliveries by the local day they were sent, and of those the ones acknowledged so far
/// (an acknowledgement counts for the week of its delivery, however late it comes).
/// </summary>
public sealed class ConsoleTrendTests
{
    [Theory]
    [InlineData(17)]
    [InlineData(20261207)]
    public async Task The_weekly_trend_equals_a_recount_of_the_rows_and_a_late_acknowledgement_counts_for_the_week_of_its_delivery(int seed)
    {
        await using var bot = await BotHarness.StartAsync(Engagement.EngagementKit.Settings());
        var random = new Random(seed);
        var clock = bot.Get<BotClock>();
        var now = bot.Clock.GetUtcNow().UtcDateTime;
        var units = bot.Get<IUnits>().All();
        var items = bot.Get<ContentService>().Current.Track.Take(3).Select(i => i.Id).ToList();

        // Several units, every hour of eight weeks and a few days before them (outside the trend), some rows failed or
        // re-acknowledgement requests (never counted).
        var rows = Enumerable.Range(0, 240).Select(n =>
        {
            var sentAt = now.AddMinutes(-random.Next(1, 60 * 24 * 60));
            var item = items[random.Next(items.Count)];
            return new DeliveryRow
            {
                Id = $"t:{item}:{n}", OccurrenceId = "t:" + item, SubscriberId = 70_000 + n, Kind = DeliveryKind.Lesson, ItemId = item,
                UnitCode = units[random.Next(units.Count)].Code, Role = CadreRole.Staff, Html = "<b>920</b>", Language = "vi", RequireAck = true,
                State = random.Next(8) == 0 ? DeliveryState.Failed : DeliveryState.Sent, Payload = random.Next(12) == 0 ? ReackService.Payload : null,
                CreatedAt = sentAt, SentAt = sentAt, DueAt = sentAt, UpdatedAt = sentAt,
            };
        }).ToList();
        var acks = rows.Where(r => r.State == DeliveryState.Sent && random.Next(3) > 0).Select(r =>
        {
            // Mostly within hours; one in four days to weeks later, often in a later week than the delivery's.
            var at = r.SentAt!.Value.AddMinutes(random.Next(4) == 0 ? random.Next(60 * 24 * 3, 60 * 24 * 20) : random.Next(1, 600));
            return Ack(r, at < now ? at : now.AddMinutes(-1));
        }).ToList();

        var counters = bot.Get<ReportCounters>();
        var storage = bot.Get<IStorage>();
        // As the dispatcher and engagement do: the row's outcome, then each acknowledgement, each with its counts.
        await storage.WriteAsync(tx =>
        {
            bot.Get<IDeliveryLedgerStore>().Insert(tx, rows);
            foreach (var row in rows)
            {
                counters.RecordDelivered(tx, row);
            }
        });
        await storage.WriteAsync(tx =>
        {
            foreach (var ack in acks)
            {
                bot.Get<IAcknowledgements>().InsertNew(tx, ack);
                counters.OnAcknowledged(tx, ack);
            }
        });

        var trend = bot.Get<ConsoleOverview>().For(new AccessGrant(AdminRole.BlocAdmin, [])).Trend;

        var today = DateOnly.FromDateTime(clock.LocalNow);
        var first = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7 * (ConsoleOverview.Weeks - 1));
        int WeekOf(DateTime utc) => (DateOnly.FromDateTime(clock.ToLocal(utc)).DayNumber - first.DayNumber) is var d and >= 0 ? d / 7 : -1;
        var counted = rows.Where(r => r.State == DeliveryState.Sent && r.Payload != ReackService.Payload).ToList();
        var countedIds = counted.Select(r => r.Id).ToHashSet();
        var roots = units.Where(u => u.ParentCode is null).Select(u => u.Code).ToList();
        var lateAcrossWeeks = 0;
        for (var w = 0; w < ConsoleOverview.Weeks; w++)
        {
            var delivered = counted.Where(r => WeekOf(r.SentAt!.Value) == w).ToList();
            var acknowledged = acks.Count(a => countedIds.Contains(a.DeliveryId) && WeekOf(a.DeliveredAt) == w);
            Assert.Equal(delivered.Count, trend[w].Delivered);
            Assert.Equal(UnitReport.Ratio(acknowledged, delivered.Count), trend[w].Rate);

            // The period reports' figures for the same week (what the trend was computed from before): the same
            // deliveries; the same acknowledgements but for those made after the week of their delivery.
            var from = first.AddDays(7 * w);
            var week = bot.Get<PeriodReportService>().ForUnits(roots, from, w == ConsoleOverview.Weeks - 1 ? today : from.AddDays(6));
            var madeInTheWeek = acks.Count(a => countedIds.Contains(a.DeliveryId) && WeekOf(a.DeliveredAt) == w && WeekOf(a.AcknowledgedAt) == w);
            Assert.Equal(delivered.Count, week.Sum(p => p.Delivered));
            Assert.Equal(madeInTheWeek, week.Sum(p => p.Acknowledged));
            lateAcrossWeeks += acknowledged - madeInTheWeek;
        }

        Assert.True(lateAcrossWeeks > 0, "the data must hold acknowledgements made in a later week than their delivery");
    }

    private static Acknowledgement Ack(DeliveryRow row, DateTime at) => new()
    {
        Id = Acknowledgement.IdFor(row.SubscriberId, row.ItemId!, "h"),
        SubscriberId = row.SubscriberId,
        ItemId = row.ItemId,
        Subject = row.ItemId!,
        ContentHash = "h",
        DeliveryId = row.Id,
        UnitCode = row.UnitCode,
        Role = CadreRole.Staff,
        DeliveredAt = row.SentAt!.Value,
        Deadline = row.SentAt!.Value.AddDays(2),
        AcknowledgedAt = at,
        OnTime = at < row.SentAt!.Value.AddDays(2),
        Reacknowledgement = row.Payload == ReackService.Payload,
    };
}
