using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Delivery;

public sealed class CronScheduleTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task A_daily_rule_at_six_local_crosses_the_utc_day_and_the_month_end_and_waits_for_the_window()
    {
        // Monday 30 November 2026, 05:00 in Hà Nội = Sunday 29 November 22:00 UTC.
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings(), start: new DateTimeOffset(2026, 11, 30, 5, 0, 0, Vietnam));
        bot.Seed(701, "SNV");
        var service = bot.Get<CampaignService>();
        var campaign = service.Create(new CampaignRequest(null, "Sáu giờ.", new AudienceRequest(["SNV"]), Cron: "0 0 6 * * ?"), Actor.Console("test"));
        Assert.Equal(new DateTime(2026, 11, 29, 23, 0, 0, DateTimeKind.Utc), campaign.NextOccurrenceAt);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 6, 0, 0, Vietnam));
        service.ExpandDue();
        var row = bot.Get<DeliveryLedger>().ForCampaign(campaign.Id).Single();
        Assert.Equal("c:" + campaign.Id + ":1:701", row.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 0, 0, Vietnam).UtcDateTime, row.DueAt); // 06:00 is quiet
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 6, 0, 0, Vietnam).UtcDateTime, service.Find(campaign.Id)!.NextOccurrenceAt);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 7, 0, 0, Vietnam));
        await bot.DrainAsync(campaign.Id);
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 7, 0, 0, Vietnam));
        service.ExpandDue();
        await bot.DrainAsync(campaign.Id);
        Assert.Equal(2, bot.BotMessages(701).Count);
        Assert.Equal(2, service.Find(campaign.Id)!.Occurrences);
    }

    [Fact]
    public async Task A_last_day_of_month_rule_and_the_track_rhythm_step_over_the_month_end()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings(), start: new DateTimeOffset(2026, 11, 30, 9, 0, 0, Vietnam));
        var campaign = bot.Get<CampaignService>().Create(new CampaignRequest(null, "Cuối tháng.", new AudienceRequest(All: true), Cron: "0 0 8 L * ?"), Actor.Console("test"));
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 8, 0, 0, Vietnam).UtcDateTime, campaign.NextOccurrenceAt);

        var calendar = bot.Get<WorkingCalendar>();
        DayOfWeek[] weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        // Sent Monday 30 November 08:00 → next lesson Tuesday 1 December 08:00.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, Vietnam),
            calendar.NextRhythmSlot(new DateTimeOffset(2026, 11, 30, 8, 0, 5, Vietnam), weekdays, new TimeOnly(8, 0)));
        // Sent Thursday 31 December 2026 → Friday 1 January is a holiday, the weekend follows: Monday 4 January.
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 8, 0, 0, Vietnam),
            calendar.NextRhythmSlot(new DateTimeOffset(2026, 12, 31, 8, 0, 5, Vietnam), weekdays, new TimeOnly(8, 0)));
    }
}
