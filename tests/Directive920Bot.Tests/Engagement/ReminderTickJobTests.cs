using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

public sealed class ReminderTickJobTests
{
    [Fact]
    public async Task The_quartz_tick_runs_the_reminder_service_on_the_business_clock()
    {
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["Engagement:TickSeconds"] = "1" });
        var cadre = await bot.RegisterAsync(3501);
        var (row, _) = await DeliverAsync(bot, cadre, Lesson1);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 18, 0, 0, TimeSpan.FromHours(7)));

        // No direct call: the job, ticking every real second, notices the deadline on the fake business clock.
        var ledger = bot.Get<DeliveryLedger>();
        await bot.Emulator.WaitUntilAsync(() => ledger.Find($"r1:{row.Id}") is not null, Infrastructure.BotHarness.Wait);
        Assert.Equal(DeliveryKind.Reminder, ledger.Find($"r1:{row.Id}")!.Kind);
        Assert.NotNull(bot.Get<EscalationStore>().FindWatch(row.Id));
    }
}
