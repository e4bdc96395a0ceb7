using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Tests.Infrastructure;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

public sealed class ReminderTickJobTests
{
    // A lesson of Tuesday 08:00 is reminded after 24 working hours (07:00–21:00): Wednesday 18:00, both in Hà Nội.
    private static readonly DateTimeOffset ReminderDue = BotHarness.DefaultStart.AddDays(1).AddHours(10);

    [Fact]
    public async Task The_quartz_job_reminds_by_the_business_clock_and_a_second_firing_changes_nothing()
    {
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["Engagement:TickSeconds"] = "30" });
        var cadre = await bot.RegisterAsync(3501);
        var (row, _) = await DeliverAsync(bot, cadre, Lesson1);
        var ledger = bot.Get<DeliveryLedger>();

        // The job runs through the real scheduler; what it does is decided on the business clock alone.
        bot.Clock.SetUtcNow(ReminderDue - TimeSpan.FromMinutes(1));
        await bot.RunJobAsync(EngagementTickJob.Key);
        Assert.Null(ledger.Find($"r1:{row.Id}"));

        bot.Clock.SetUtcNow(ReminderDue);
        await bot.RunJobAsync(EngagementTickJob.Key);
        await bot.RunJobAsync(EngagementTickJob.Key);

        Assert.Equal(DeliveryKind.Reminder, ledger.Find($"r1:{row.Id}")!.Kind);
        Assert.Null(ledger.Find($"r2:{row.Id}"));
        Assert.NotNull(bot.Get<IEscalations>().FindWatch(row.Id));
    }
}
