using Directive920Bot.Delivery;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Delivery;

public sealed class QuietHoursTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task An_announcement_created_at_night_waits_until_seven_in_the_morning()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings(), start: new DateTimeOffset(2026, 12, 1, 22, 0, 0, Vietnam));
        bot.Seed(21, "SNV");
        var campaign = bot.Announce("Thông báo.", new AudienceRequest(["SNV"]));

        var row = bot.Get<DeliveryLedger>().ForCampaign(campaign.Id).Single();
        Assert.Equal(DeliveryState.Pending, row.State);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 7, 0, 0, Vietnam).UtcDateTime, row.DueAt);
        Assert.Equal(row.DueAt, bot.Get<DeliveryLedger>().NextDueAt());

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 6, 59, 0, Vietnam));
        Assert.Equal(DeliveryState.Pending, bot.Get<DeliveryLedger>().Find(row.Id)!.State);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 7, 0, 0, Vietnam));
        await bot.DrainAsync(campaign.Id);
        var sent = bot.Get<DeliveryLedger>().Find(row.Id)!;
        Assert.Equal(DeliveryState.Sent, sent.State);
        Assert.True(sent.SentAt >= row.DueAt);
        Assert.Single(bot.BotMessages(21));
    }

    [Fact]
    public async Task Friday_evening_waits_for_monday_and_a_holiday_weekend_for_the_next_working_day()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings(), start: new DateTimeOffset(2026, 12, 4, 21, 30, 0, Vietnam));
        bot.Seed(22, "SNV");
        var friday = bot.Announce("Thứ Sáu.", new AudienceRequest(["SNV"]));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 7, 0, 0, Vietnam).UtcDateTime, bot.Get<DeliveryLedger>().ForCampaign(friday.Id).Single().DueAt);

        // 1 January 2027 is a Friday and a public holiday: Thursday night waits until Monday 4 January.
        var calendar = bot.Get<WorkingCalendar>();
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 7, 0, 0, Vietnam), calendar.NextOpen(new DateTimeOffset(2026, 12, 31, 21, 30, 0, Vietnam)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.True(calendar.IsOpen(new DateTimeOffset(2026, 12, 31, 20, 59, 0, Vietnam)));
    }

    [Fact]
    public async Task Working_hours_are_counted_only_inside_the_sending_window()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings());
        var calendar = bot.Get<WorkingCalendar>();

        // Friday 20:00 + 2 working hours: one hour on Friday, one on Monday from 07:00.
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 8, 0, 0, Vietnam), calendar.AddWorkingHours(new DateTimeOffset(2026, 12, 4, 20, 0, 0, Vietnam), TimeSpan.FromHours(2)));
        // 24 working hours from Tuesday 08:00: 13 on Tuesday (to 21:00), 11 on Wednesday from 07:00.
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 18, 0, 0, Vietnam), calendar.AddWorkingHours(new DateTimeOffset(2026, 12, 1, 8, 0, 0, Vietnam), TimeSpan.FromHours(24)));
    }
}
