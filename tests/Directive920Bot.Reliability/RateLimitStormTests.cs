using Directive920Bot.Delivery;
using Directive920Bot.Emulator;
using Directive920Bot.Reliability.Infrastructure;
using Directive920Bot.Tests.Delivery;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Directive920Bot.Reliability;

/// <summary>
/// A 429 storm on a flaky network: 20 % of sends answered 429 with retry_after 1–5 s, about 5 % a 502 or a dropped
/// connection. Everything is delivered once, nothing is sent while a penalty runs, and every request is accounted for
/// (each fault caused exactly one more try; no row beyond its attempts). The transport clock is fake and pumped, so the
/// storm's minutes of penalties pass in seconds, and the emulator stamps requests on the same clock.
/// </summary>
public sealed class RateLimitStormTests(ITestOutputHelper log)
{
    private const int MaxAttempts = 5;

    [Fact]
    public async Task In_a_429_storm_on_a_flaky_network_everyone_gets_the_message_once_and_nothing_is_sent_during_a_penalty()
    {
        var cadres = ReliabilitySwitch.Pick(ci: 200, longRun: 1000);
        var transport = new FakeTimeProvider(BotHarness.DefaultStart);
        await using var emulator = await BotApiEmulator.StartAsync(new EmulatorOptions { TimeProvider = transport });
        emulator.RateLimits.Enabled = false;
        await using var bot = await BotHarness.StartAsync(
            DeliveryKit.Settings(("Delivery:MaxConcurrency", "1"), ("Delivery:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            emulator: emulator,
            transport: transport);
        for (var id = 0; id < cadres; id++)
        {
            bot.Seed(200_000 + id, "SNV-VP");
        }

        // Rules are tried in order and each draws for itself: 20 % 429; of the rest 1/32 a 502 and 1/31 a dropped connection (≈ 2.5 % each).
        using var storm = emulator.InjectFault(new FaultRule { Method = "sendMessage", StatusCode = 429, RetryAfter = 1, RetryAfterMax = 5, Probability = 0.20, Seed = ReliabilitySwitch.Seed });
        using var badGateway = emulator.InjectFault(new FaultRule { Method = "sendMessage", StatusCode = 502, Probability = 1.0 / 32, Seed = ReliabilitySwitch.Seed + 1 });
        using var dropped = emulator.InjectFault(new FaultRule { Method = "sendMessage", Kind = FaultKind.Abort, Delay = TimeSpan.Zero, Probability = 1.0 / 31, Seed = ReliabilitySwitch.Seed + 2 });

        Campaign campaign;
        await using (new ClockPump(transport, TimeSpan.FromMilliseconds(100)))
        {
            campaign = bot.Announce("Thông báo trong cơn bão 429.", new AudienceRequest(["SNV-VP"], IncludeSubUnits: false));
            await bot.DrainAsync(campaign.Id, advanceClock: true, timeout: TimeSpan.FromMinutes(5));
        }

        var sends = emulator.Calls.Where(c => c.Method == "sendMessage").ToList();
        log.WriteLine($"{cadres} cadres: {sends.Count} sendMessage requests, {storm.Hits} × 429, {badGateway.Hits} × 502, {dropped.Hits} dropped");
        Assert.True(storm.Hits >= cadres / 10, $"the storm was too weak to prove anything: {storm.Hits} × 429");
        Assert.True(badGateway.Hits + dropped.Hits > 0);

        // 100 % delivered, once each.
        Assert.All(Enumerable.Range(0, cadres), i => Assert.Single(bot.BotMessages(200_000 + i)));
        var rows = bot.Get<DeliveryLedger>().ForCampaign(campaign.Id);
        Assert.Equal(cadres, rows.Count);
        Assert.All(rows, r => Assert.Equal(DeliveryState.Sent, r.State));

        // Zero requests during a penalty: after a 429 with retry_after N on a send to a chat, no request to that chat
        // arrives for N seconds (transport time). A 429 on a send holds that chat only (issue 15, item 1: one flooded
        // chat must not stall every other cadre); the bot-wide pace keeps the bot under Telegram's global limit.
        foreach (var limited in sends.Where(c => c.StatusCode == 429))
        {
            var until = limited.At + TimeSpan.FromSeconds(limited.RetryAfter!.Value);
            Assert.DoesNotContain(sends, c => c.ChatId == limited.ChatId && c.At > limited.At && c.At < until);
        }

        Assert.Equal(0, bot.Emulator.RequestsDuringPenalty);

        // Retries bounded: every request is a success or one of the injected faults, and no row took more than its attempts.
        Assert.Equal(cadres + storm.Hits + badGateway.Hits + dropped.Hits, sends.Count);
        Assert.All(rows, r => Assert.InRange(r.Attempts, 1, MaxAttempts));
    }
}
