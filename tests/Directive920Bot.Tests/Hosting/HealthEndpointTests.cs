using System.Net;
using System.Text.Json;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Directive920Bot.Tests.Hosting;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_says_only_that_the_process_is_alive()
    {
        await using var bot = await BotHarness.StartAsync();
        using var http = bot.Http();

        var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Empty(json.RootElement.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task Readyz_reports_store_content_telegram_scheduler_and_writer()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["Metrics:Key"] = "ops-metrics-key-0123456789" });
        using var http = bot.Http();
        await bot.Emulator.WaitUntilAsync(() => bot.Get<Directive920Bot.Telegram.UpdatePoller>().LastSuccess is not null, BotHarness.Wait);

        // From loopback without a key: statuses only (anonymous wherever it connects from).
        var anonymous = await http.GetStringAsync(new Uri("readyz", UriKind.Relative));
        Assert.DoesNotContain("description", anonymous, StringComparison.Ordinal);
        http.DefaultRequestHeaders.Add("X-Metrics-Key", "ops-metrics-key-0123456789");
        var response = await http.GetAsync(new Uri("readyz", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = json.RootElement.GetProperty("checks");
        // The writer check is LiteDB's single writer; PostgreSQL has no writer of its own (its transactions are pooled).
        string[] names = bot.UsesPostgres ? ["storage", "content", "telegram", "scheduler"] : ["storage", "writer", "content", "telegram", "scheduler"];
        foreach (var name in names)
        {
            Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString());
            // Asked with the metrics key: the operator sees the details.
            Assert.False(string.IsNullOrEmpty(checks.GetProperty(name).GetProperty("description").GetString()));
        }
    }

    [Fact]
    public async Task Readyz_turns_unready_when_the_store_is_closed()
    {
        await using var bot = await BotHarness.StartAsync();
        using var http = bot.Http();

        bot.MakeStoreUnavailable();
        var response = await http.GetAsync(new Uri("readyz", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("healthz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_caller_through_a_proxy_without_the_metrics_key_sees_no_internal_text()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["Metrics:Key"] = "ops-metrics-key-0123456789" });
        using var http = bot.Http();
        bot.MakeStoreUnavailable();

        using var anonymous = new HttpRequestMessage(HttpMethod.Get, new Uri("readyz", UriKind.Relative));
        anonymous.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var body = await (await http.SendAsync(anonymous)).Content.ReadAsStringAsync();
        using var trusted = new HttpRequestMessage(HttpMethod.Get, new Uri("readyz", UriKind.Relative));
        trusted.Headers.Add("X-Forwarded-For", "203.0.113.7");
        trusted.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "ops-metrics-key-0123456789");
        var detailed = await (await http.SendAsync(trusted)).Content.ReadAsStringAsync();

        // The storage check's own words: LiteDB's closed file or PostgreSQL's silent server.
        var reason = bot.UsesPostgres ? "PostgreSQL does not answer" : "store closed";
        Assert.Contains("Unhealthy", body, StringComparison.Ordinal);
        Assert.DoesNotContain("description", body, StringComparison.Ordinal);
        Assert.DoesNotContain(reason, body, StringComparison.Ordinal);
        Assert.Contains(reason, detailed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_turns_unready_when_telegram_stops_answering()
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
        using (var unchanged = await http.GetAsync(new Uri("readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        }

        transport.Advance(TimeSpan.FromMinutes(5));
        var response = await http.GetAsync(new Uri("readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("healthz", UriKind.Relative))).StatusCode);
    }
}
