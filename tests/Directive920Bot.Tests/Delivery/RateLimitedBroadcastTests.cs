using Directive920Bot.Delivery;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Delivery;

public sealed class RateLimitedBroadcastTests
{
    [Fact]
    public async Task A_broadcast_to_a_thousand_under_telegram_limits_gets_no_429_and_a_reply_goes_ahead_of_it()
    {
        // Default pacing (25/s, 1 s per chat) against the emulator's Telegram-like limits (30/s, 1 s per chat).
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["Delivery:TrackEnabled"] = "false" });
        bot.Emulator.RateLimits.Enabled = true;
        for (var id = 100_001L; id <= 101_000; id++)
        {
            bot.Seed(id, id % 2 == 0 ? "SNV-VP" : "STC-NS");
        }

        var campaign = bot.Announce("Thông báo toàn Khối.", new AudienceRequest(All: true));
        var service = bot.Get<CampaignService>();
        await bot.Emulator.WaitUntilAsync(() => service.Progress(campaign.Id).Sent >= 100, TimeSpan.FromSeconds(30));

        // A cadre's own command in the middle of the broadcast is answered while the broadcast is still going.
        var reply = await bot.SayAsync(100_999, "/help", m => !m.Text!.Contains("Thông báo toàn Khối", StringComparison.Ordinal));
        Assert.NotNull(reply);
        Assert.True(service.Progress(campaign.Id).Remaining > 0, "the reply should not wait for the whole broadcast");

        await bot.DrainAsync(campaign.Id, timeout: TimeSpan.FromSeconds(120));
        Assert.Equal(0, bot.Emulator.TooManyRequestsReturned);
        Assert.Equal(0, bot.Emulator.RequestsDuringPenalty);
        Assert.Equal(1000, service.Progress(campaign.Id).Sent);
        for (var id = 100_001L; id <= 101_000; id++)
        {
            Assert.Single(bot.BotMessages(id), m => m.Text == "Thông báo toàn Khối.");
        }
    }
}
