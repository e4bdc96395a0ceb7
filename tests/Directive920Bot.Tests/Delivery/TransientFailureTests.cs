using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Emulator;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Delivery;

public sealed class TransientFailureTests
{
    [Fact]
    public async Task Server_errors_and_dropped_connections_are_retried_until_the_message_goes_out()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings());
        bot.Seed(301, "SNV");
        bot.Seed(302, "SNV");
        using var serverError = bot.Emulator.InjectFault(new FaultRule { Method = "sendMessage", ChatId = 301, StatusCode = 502, Count = 2 });
        using var dropped = bot.Emulator.InjectFault(new FaultRule { Method = "sendMessage", ChatId = 302, Kind = FaultKind.Abort, Delay = TimeSpan.Zero, Count = 1 });

        var campaign = bot.Announce("Thử lại.", new AudienceRequest(["SNV"], IncludeSubUnits: false));
        await bot.DrainAsync(campaign.Id, advanceClock: true);

        var rows = bot.Get<DeliveryLedger>().ForCampaign(campaign.Id).ToDictionary(r => r.SubscriberId);
        Assert.Equal(DeliveryState.Sent, rows[301].State);
        Assert.Equal(3, rows[301].Attempts);
        Assert.Equal(DeliveryState.Sent, rows[302].State);
        Assert.Equal(2, rows[302].Attempts);
        Assert.Single(bot.BotMessages(301));
        Assert.Single(bot.BotMessages(302));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_failed_after_max_attempts_and_resend_failed_delivers_it()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings(("Delivery:MaxAttempts", "3")));
        bot.Seed(311, "SNV");
        bot.Seed(312, "SNV");
        var fault = bot.Emulator.InjectFault(new FaultRule { Method = "sendMessage", ChatId = 311, StatusCode = 500 });

        var campaign = bot.Announce("Gửi lại.", new AudienceRequest(["SNV"], IncludeSubUnits: false));
        await bot.DrainAsync(campaign.Id, advanceClock: true);
        var service = bot.Get<CampaignService>();
        var failed = Assert.Single(service.Deliveries(campaign.Id, DeliveryState.Failed));
        Assert.Equal(311, failed.SubscriberId);
        Assert.Equal(3, failed.Attempts);
        Assert.Contains("500", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(3, fault.Hits);
        Assert.Equal(1, service.Progress(campaign.Id).Failed);

        fault.Remove();
        Assert.Equal(1, service.ResendFailed(campaign.Id, Actor.Console("test")));
        await bot.DrainAsync(campaign.Id, advanceClock: true);
        Assert.Equal(DeliveryState.Sent, bot.Get<DeliveryLedger>().Find(failed.Id)!.State);
        Assert.Single(bot.BotMessages(311));
        Assert.Single(bot.BotMessages(312));
    }
}
