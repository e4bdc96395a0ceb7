using Directive920Bot.Storage.LiteDb;
using System.Net;
using Directive920Bot.Hosting;
using Directive920Bot.Tests.Infrastructure;
using Directive920Bot.Sandbox;
using Microsoft.Extensions.Configuration;
using Directive920Bot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Tests.Sandbox;

public sealed class SandboxNeverStartsWithATokenTests
{
    [Fact]
    public async Task A_service_with_a_token_has_no_sandbox_emulator_clock_or_pages()
    {
        BotHarness.StayOnLiteDb("names the LiteDB file the service opened");
        await using var bot = await BotHarness.StartAsync();

        Assert.Null(bot.Services.GetService<SandboxMode>());
        Assert.Null(bot.Services.GetService<SandboxEmulator>());
        Assert.IsNotType<SandboxClock>(bot.Services.GetRequiredKeyedService<TimeProvider>(Clocks.Business));
        using var http = new HttpClient();
        using var page = await http.GetAsync(new Uri(bot.WebUrl, "sandbox"));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.EndsWith("bot.db", bot.Get<Directive920Bot.Storage.LiteDb.Database>().Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "Development", true)]
    [InlineData("", null, "Development", true)]
    [InlineData("  ", null, "Development", true)]
    [InlineData(null, null, "Production", false)]
    [InlineData(null, null, "Testing", false)]
    [InlineData(null, "true", "Production", true)]
    [InlineData("123:secret", null, "Development", false)]
    [InlineData("123:secret", "true", "Development", false)]
    [InlineData(null, "false", "Development", false)]
    public void Sandbox_mode_is_chosen_only_without_a_token_and_in_Development_or_when_enabled_explicitly(string? token, string? enabled, string environment, bool expected)
    {
        var settings = new Dictionary<string, string?> { ["Telegram:BotToken"] = token };
        if (enabled is not null)
        {
            settings["Sandbox:Enabled"] = enabled;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions();

        Assert.Equal(expected, SandboxExtensions.IsSandboxMode(configuration, options, new Environment(environment)));
    }

    [Fact]
    public async Task A_production_start_without_a_token_stops_with_a_message_naming_both_channel_tokens()
    {
        using var directory = new TempDirectory();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = directory.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "",
            // Set, so that the missing token is the one thing that stops this start.
            ["Privacy:Controller"] = "Đảng ủy Khối thử nghiệm",
            ["Privacy:Contact"] = "vanphong@example.vn",
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:DatabasePath"] = System.IO.Path.Combine(directory.Path, "bot.db"),
            ["Content:Path"] = System.IO.Path.Combine(BotHarness.RepoRoot, "content"),
        });
        builder.Logging.ClearProviders();
        builder.AddDirective920Bot();
        await using var app = builder.Build();
        app.MapDirective920Bot();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("No channel is configured: set Telegram:BotToken or Zalo:BotToken", error.Message, StringComparison.Ordinal);
        Assert.Null(app.Services.GetService<SandboxMode>());
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://127.0.0.1:0;http://192.168.1.20:5080")]
    public void The_sandbox_refuses_to_start_on_a_non_loopback_address(string urls)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Telegram:BotToken"] = "", ["urls"] = urls });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddSandbox());

        Assert.Contains("loopback only", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:0", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("https://bot.example.vn", false)]
    public void Loopback_addresses_are_told_from_wildcards_and_public_ones(string url, bool loopback) =>
        Assert.Equal(loopback, ListenAddresses.IsLoopback(url));

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Directive920Bot";

        public string ContentRootPath { get; set; } = ".";

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("d920-sandbox-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
