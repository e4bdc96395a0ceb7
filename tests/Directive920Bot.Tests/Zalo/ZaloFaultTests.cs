using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Emulator;
using Directive920Bot.Tests.Delivery;

namespace Directive920Bot.Tests.Zalo;

/// <summary>The emulator's Zalo dialect breaks calls on demand; the Zalo sender and the ledger answer them as they answer Telegram's.</summary>
public sealed class ZaloFaultTests
{
    [Fact]
    public async Task Zalo_server_errors_dropped_connections_and_a_rate_limit_are_retried_until_the_message_goes_out()
    {
        await using var kit = await ZaloKit.StartAsync(extra: DeliveryKit.Settings());
        var a = await kit.RegisterAsync("zu-3401");
        var b = await kit.RegisterAsync("zu-3402");
        var c = await kit.RegisterAsync("zu-3403");
        kit.Zalo.InjectFault(new ZaloFaultRule { Method = "sendMessage", ChatId = "zu-3401", StatusCode = 502, Count = 2 });
        kit.Zalo.InjectFault(new ZaloFaultRule { Method = "sendMessage", ChatId = "zu-3402", Kind = FaultKind.Abort, Delay = TimeSpan.Zero, Count = 1 });
        kit.Zalo.InjectFault(new ZaloFaultRule { Method = "sendMessage", ChatId = "zu-3403", StatusCode = 429, RetryAfter = 1, Count = 1 });

        var campaign = kit.Bot.Announce("Thử lại trên Zalo.", new AudienceRequest(SubscriberIds: [a.Id, b.Id, c.Id]));
        await kit.Bot.DrainAsync(campaign.Id, advanceClock: true);

        var rows = kit.Bot.Get<DeliveryLedger>().ForCampaign(campaign.Id).ToDictionary(r => r.SubscriberId);
        Assert.All(rows.Values, r => Assert.Equal(DeliveryState.Sent, r.State));
        Assert.All(rows.Values, r => Assert.Equal("zalo", r.Channel));
        Assert.Equal(3, rows[a.Id].Attempts);
        Assert.Equal(2, rows[b.Id].Attempts);
        foreach (var user in new[] { "zu-3401", "zu-3402", "zu-3403" })
        {
            Assert.Single(kit.Zalo.Transcript(user), m => m.FromBot && m.Text.Contains("Thử lại trên Zalo.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_Zalo_user_answered_forbidden_is_recorded_blocked_and_never_retried()
    {
        await using var kit = await ZaloKit.StartAsync(extra: DeliveryKit.Settings());
        var cadre = await kit.RegisterAsync("zu-3404");
        kit.Zalo.InjectFault(new ZaloFaultRule { Method = "sendMessage", ChatId = "zu-3404", StatusCode = 403, Description = "Forbidden: user has blocked the bot" });
        var sendsBefore = kit.Zalo.Calls.Count(m => m == "sendMessage");

        var campaign = kit.Bot.Announce("Không gửi lại.", new AudienceRequest(SubscriberIds: [cadre.Id]));
        await kit.Bot.DrainAsync(campaign.Id, advanceClock: true);

        var row = Assert.Single(kit.Bot.Get<DeliveryLedger>().ForCampaign(campaign.Id));
        Assert.Equal(DeliveryState.Blocked, row.State);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(sendsBefore + 1, kit.Zalo.Calls.Count(m => m == "sendMessage"));
    }
}
