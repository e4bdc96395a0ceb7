using System.Net;
using System.Text.Json;
using Directive920Bot.Emulator;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Hosting;
using Directive920Bot.Tests.Infrastructure;
using Directive920Bot.Zalo;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Zalo;

/// <summary>A deployment with Zalo alone: no Telegram token, in Production; /readyz shows Zalo and never its token.</summary>
public sealed class ZaloOnlyDeploymentTests
{
    private const string MetricsKey = "ops-metrics-key-0123456789";

    [Fact]
    public async Task A_production_start_with_only_a_Zalo_token_serves_and_readyz_shows_Zalo_without_the_token()
    {
        await using var emulator = await BotApiEmulator.StartAsync();
        using var directory = new TempDirectory();
        await using var app = Build(directory, new Dictionary<string, string?>
        {
            ["Zalo:BotToken"] = emulator.Zalo.Token,
            ["Zalo:ApiBaseUrl"] = emulator.ZaloBaseUrl.ToString(),
            ["Zalo:PollTimeoutSeconds"] = "1",
        });

        await app.StartAsync();
        try
        {
            Assert.Null(app.Services.GetService<Directive920Bot.Telegram.UpdatePoller>());
            await emulator.WaitUntilAsync(() => app.Services.GetRequiredService<ZaloPoller>().LastSuccess is not null, BotHarness.Wait);
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            http.DefaultRequestHeaders.Add("X-Metrics-Key", MetricsKey);

            var response = await http.GetAsync(new Uri("readyz", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            using var json = JsonDocument.Parse(body);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var checks = json.RootElement.GetProperty("checks");
            Assert.Equal("Healthy", checks.GetProperty("zalo").GetProperty("status").GetString());
            Assert.Contains("getUpdates answered", checks.GetProperty("zalo").GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.False(checks.TryGetProperty("telegram", out _));
            Assert.DoesNotContain(emulator.Zalo.Token, body, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task A_production_start_with_no_channel_stops_naming_both_token_keys()
    {
        using var directory = new TempDirectory();
        await using var app = Build(directory, new Dictionary<string, string?> { ["Telegram:BotToken"] = "", ["Zalo:BotToken"] = "" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("No channel is configured: set Telegram:BotToken or Zalo:BotToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_super_admin_stops_the_start_naming_the_key_and_the_value()
    {
        using var directory = new TempDirectory();
        await using var app = Build(directory, new Dictionary<string, string?>
        {
            ["Zalo:BotToken"] = "1:unused-token",
            ["Bot:SuperAdmins:0"] = "zalo:abc",
            ["Bot:SuperAdmins:1"] = "viber:42",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Bot:SuperAdmins:1 must be a person id or an address such as zalo:<user id> or telegram:<user id>, was 'viber:42'.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Bot:SuperAdmins:0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_turns_Zalo_unhealthy_when_getMe_fails_and_names_only_the_error_code()
    {
        await using var kit = await ZaloKit.StartAsync(extra: new Dictionary<string, string?> { ["Telegram:BotToken"] = null, ["Metrics:Key"] = MetricsKey });
        kit.Zalo.InjectFault(new ZaloFaultRule { Method = "getMe", StatusCode = 500, Description = "Internal error" });
        using var http = kit.Bot.Http();
        http.DefaultRequestHeaders.Add("X-Metrics-Key", MetricsKey);

        var response = await http.GetAsync(new Uri("readyz", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Zalo getMe failed: error 500", body, StringComparison.Ordinal);
        Assert.DoesNotContain(kit.Zalo.Token, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_Telegram_a_cadre_registers_on_Zalo_and_acknowledges_a_lesson()
    {
        await using var kit = await ZaloKit.StartAsync(extra: new Dictionary<string, string?> { ["Telegram:BotToken"] = null });
        Assert.Null(kit.Bot.Services.GetService<Directive920Bot.Telegram.UpdatePoller>());

        var cadre = await kit.RegisterAsync("zu-3301");
        var row = LessonRow(kit.Bot, cadre, Lesson1);
        kit.Bot.Get<DeliveryLedger>().Enqueue([row]);
        await kit.Emulator.WaitUntilAsync(() => kit.Bot.Get<DeliveryLedger>().Find(row.Id) is { State: DeliveryState.Sent }, BotHarness.Wait);
        await kit.ChooseAsync("zu-3301", AckLabel);

        Assert.Single(kit.Bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id));
        Assert.DoesNotContain(kit.Emulator.Calls, c => c.Method is "getUpdates" or "sendMessage");
    }

    private static WebApplication Build(TempDirectory directory, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = directory.Path });
        var all = new Dictionary<string, string?>
        {
            ["Privacy:Controller"] = "Đảng ủy Khối thử nghiệm",
            ["Privacy:Contact"] = "vanphong@example.vn",
            ["urls"] = "http://127.0.0.1:0",
            ["Metrics:Key"] = MetricsKey,
            ["Storage:DatabasePath"] = System.IO.Path.Combine(directory.Path, "bot.db"),
            ["Content:Path"] = System.IO.Path.Combine(BotHarness.RepoRoot, "content"),
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(all);
        builder.Logging.ClearProviders();
        builder.AddDirective920Bot();
        var app = builder.Build();
        app.MapDirective920Bot();
        return app;
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("d920-zalo-only-").FullName;

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // The host may still close its files; the temp folder is cleaned by the system.
            }
        }
    }
}
