using Directive920Bot.Delivery;
using Directive920Bot.Emulator;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Delivery;

public sealed class InjectedRateLimitTests
{
    [Fact]
    public async Task After_a_429_nothing_is_sent_to_that_chat_for_retry_after_and_every_message_still_arrives()
    {
        // One send at a time, so that no request is already in flight when the 429 arrives.
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings(("Delivery:MaxConcurrency", "1"), ("Delivery:MessagesPerSecond", "20")));
        bot.Emulator.RateLimits.Enabled = true;
        for (var id = 200L; id < 240; id++)
        {
            bot.Seed(id, "SNV-VP");
        }

        using var fault = bot.Emulator.InjectFault(new FaultRule { Method = "sendMessage", StatusCode = 429, RetryAfter = 2, Count = 2 });
        var campaign = bot.Announce("Sau 429.", new AudienceRequest(["SNV-VP"]));
        await bot.DrainAsync(campaign.Id, advanceClock: true, timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(2, fault.Hits);
        Assert.Equal(0, bot.Emulator.RequestsDuringPenalty);
        for (var id = 200L; id < 240; id++)
        {
            Assert.Single(bot.BotMessages(id));
        }

        var sends = bot.Emulator.Calls.Where(c => c.Method == "sendMessage").OrderBy(c => c.At).ToList();
        // A 429 answering a send to a chat holds that chat (issue #15: one chat's penalty must not stall the others).
        foreach (var limited in sends.Where(c => c.StatusCode == 429))
        {
            Assert.DoesNotContain(sends, c => c.ChatId == limited.ChatId && c.At > limited.At && c.At < limited.At + TimeSpan.FromSeconds(2));
        }

        Assert.All(bot.Get<DeliveryLedger>().ForCampaign(campaign.Id), r => Assert.Equal(DeliveryState.Sent, r.State));
    }
}
