using System.Net;
using System.Text.Json;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Directive920Bot.Tests.Hosting;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_reports_the_store_and_telegram_connectivity()
    {
        await using var bot = await BotHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = bot.WebUrl };
        await bot.Emulator.WaitUntilAsync(() => bot.Get<Directive920Bot.Telegram.UpdatePoller>().LastSuccess is not null, BotHarness.Wait);

        var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("telegram").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Healthz_turns_unhealthy_when_telegram_stops_answering()
    {
        // The connection's health is judged on the transport clock, which this test moves by hand.
        var transport = new FakeTimeProvider(BotHarness.DefaultStart);
        await using var bot = await BotHarness.StartAsync(transport: transport);
        using var http = new HttpClient { BaseAddress = bot.WebUrl };
        await bot.Emulator.WaitUntilAsync(() => bot.Get<Directive920Bot.Telegram.UpdatePoller>().LastSuccess is not null, BotHarness.Wait);
        bot.Emulator.InjectFault(new Directive920Bot.Emulator.FaultRule { Method = "getUpdates", StatusCode = 502, Description = "Bad Gateway" });
        // A long poll already in flight may still succeed; wait until the poller has seen the failure.
        await bot.Emulator.WaitUntilAsync(() => bot.Get<Directive920Bot.Telegram.UpdatePoller>().LastError is not null, BotHarness.Wait);

        // Business time passing (a weekend, the sandbox's "+1 ngày") says nothing about the connection.
        bot.Clock.Advance(TimeSpan.FromDays(2));
        using (var unchanged = await http.GetAsync(new Uri("healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        }

        transport.Advance(TimeSpan.FromMinutes(5));
        var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
