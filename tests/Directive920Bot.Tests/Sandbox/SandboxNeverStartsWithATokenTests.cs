using Directive920Bot.Storage.LiteDb;
using System.Net;
using Directive920Bot.Hosting;
using Directive920Bot.Tests.Infrastructure;
using Directive920Bot.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Sandbox;

public sealed class SandboxNeverStartsWithATokenTests
{
    [Fact]
    public async Task A_service_with_a_token_has_no_sandbox_emulator_clock_or_pages()
    {
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
    [InlineData(null, null, true)]
    [InlineData("", null, true)]
    [InlineData("  ", null, true)]
    [InlineData("123:secret", null, false)]
    [InlineData("123:secret", "true", false)]
    [InlineData(null, "false", false)]
    public void Sandbox_mode_is_chosen_only_when_no_token_is_configured(string? token, string? enabled, bool expected)
    {
        var settings = new Dictionary<string, string?> { ["Telegram:BotToken"] = token };
        if (enabled is not null)
        {
            settings["Sandbox:Enabled"] = enabled;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions();

        Assert.Equal(expected, SandboxExtensions.IsSandboxMode(configuration, options));
    }
}
