using Directive920Bot.Delivery;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Delivery;

public sealed class PaidBroadcastTests
{
    [Fact]
    public async Task With_paid_broadcast_on_a_broadcast_above_the_free_rate_says_so_to_telegram_and_gets_no_429()
    {
        // 150/s is five times Telegram's free ~30/s: only sends that carry allow_paid_broadcast may go that fast.
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings(
            ("Delivery:AllowPaidBroadcast", "true"), ("Delivery:PaidMessagesPerSecond", "150"), ("Delivery:PerChatInterval", "00:00:01")));
        bot.Emulator.RateLimits.Enabled = true;
        for (var id = 8_001L; id <= 8_300; id++)
        {
            bot.Seed(id, "SNV-VP");
        }

        var campaign = bot.Announce("Thông báo có trả phí.", new AudienceRequest(All: true));
        await bot.Emulator.WaitUntilAsync(() => bot.Get<CampaignService>().Progress(campaign.Id).Sent >= 50, TimeSpan.FromSeconds(30));
        var reply = await bot.SayAsync(8_300, "/help", m => !m.Text!.Contains("trả phí", StringComparison.Ordinal));
        await bot.DrainAsync(campaign.Id, timeout: TimeSpan.FromSeconds(60));

        Assert.NotNull(reply);
        Assert.Equal(0, bot.Emulator.TooManyRequestsReturned);
        Assert.Equal(300, bot.Get<CampaignService>().Progress(campaign.Id).Sent);
        // Every broadcast message carried the flag; the reply to /help did not (it is not a broadcast).
        Assert.Equal(300, bot.Emulator.PaidBroadcastSends);
    }

    [Fact]
    public async Task Without_paid_broadcast_no_send_carries_the_flag()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings());
        bot.Seed(8_401, "SNV-VP");

        var campaign = bot.Announce("Thông báo thường.", new AudienceRequest(All: true));
        await bot.DrainAsync(campaign.Id);

        Assert.Single(bot.BotMessages(8_401));
        Assert.Equal(0, bot.Emulator.PaidBroadcastSends);
    }
}
