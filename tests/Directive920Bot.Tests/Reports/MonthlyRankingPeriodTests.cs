using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using static Directive920Bot.Tests.Engagement.EngagementKit;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Reports;

public sealed class MonthlyRankingPeriodTests
{
    [Fact]
    public async Task The_monthly_ranking_ranks_units_by_what_was_sent_and_acknowledged_in_the_month_that_ended()
    {
        await using var bot = await StartAsync(new DateTimeOffset(2026, 11, 10, 8, 0, 0, TimeSpan.FromHours(7)));
        var subscribers = bot.Get<ISubscribers>();
        var snv = await bot.RegisterAsync(6201, "Nguyễn Văn An", "SNV-VP");
        var stc = await bot.RegisterAsync(6202, "Lê Thị Bình", "STC-VP");

        // November: SNV acknowledges, STC does not.
        var (_, snvLesson1) = await DeliverAsync(bot, snv, Lesson1);
        await DeliverAsync(bot, stc, Lesson1);
        await PressAsync(bot, snv.Id, snvLesson1.MessageId, AckLabel);

        // December: STC acknowledges, SNV does not. Totals to date would tie the two units at 50%.
        bot.Clock.Advance(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.FromHours(7)) - bot.Clock.GetUtcNow());
        await DeliverAsync(bot, subscribers.Find(snv.Id)!, Lesson2);
        var (_, stcLesson2) = await DeliverAsync(bot, subscribers.Find(stc.Id)!, Lesson2);
        await PressAsync(bot, stc.Id, stcLesson2.MessageId, AckLabel);
        await bot.Emulator.WaitUntilAsync(() => bot.Get<ReportService>().Unit("KHOI")!.Acknowledged == 2, Infrastructure.BotHarness.Wait);

        bot.Clock.Advance(new DateTimeOffset(2027, 1, 1, 8, 30, 0, TimeSpan.FromHours(7)) - bot.Clock.GetUtcNow());
        await bot.Get<DigestService>().RunAsync(bot.Clock.GetUtcNow());

        var ranking = bot.Get<DeliveryLedger>().ForSubscriber(BlocAdmin).Single(r => r.Kind == DeliveryKind.Digest && r.Id.StartsWith("dg:m:2027-01:", StringComparison.Ordinal)).Html!;
        Assert.Contains("tháng 12/2026", ranking, StringComparison.Ordinal);
        Assert.Contains("\n1. Sở Tài chính — 100% (1/1)", ranking, StringComparison.Ordinal);
        Assert.Contains("Sở Nội vụ — 0% (0/1)", ranking, StringComparison.Ordinal);
        Assert.True(ranking.IndexOf("Sở Tài chính", StringComparison.Ordinal) < ranking.IndexOf("Sở Nội vụ", StringComparison.Ordinal));
    }
}
