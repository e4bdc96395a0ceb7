using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Tests.Privacy;

/// <summary>
/// Issue #15 item 7 (review): the consent text must name the real controller and contact. Production refuses to start
/// without them (or with the demo values); Development, tests and the sandbox get a visibly marked demo value.
/// </summary>
public sealed class ControllerRequiredInProductionTests
{
    private static WebApplication Build(TempDirectory directory, string environment, IDictionary<string, string?> extra)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = directory.Path });
        var settings = new Dictionary<string, string?>
        {
            // A token, so the sandbox stays off and Telegram's options are valid: the privacy keys decide.
            ["Telegram:BotToken"] = "123456:production-token",
            ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:DatabasePath"] = System.IO.Path.Combine(directory.Path, "bot.db"),
            ["Content:Path"] = System.IO.Path.Combine(BotHarness.RepoRoot, "content"),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddDirective920Bot();
        var app = builder.Build();
        app.MapDirective920Bot();
        return app;
    }

    [Fact]
    public async Task A_production_start_without_controller_and_contact_stops_with_a_message_naming_both_keys_and_values()
    {
        using var directory = new TempDirectory();
        await using var app = Build(directory, "Production", new Dictionary<string, string?>());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Privacy:Controller must be set in Production", error.Message, StringComparison.Ordinal);
        Assert.Contains("Privacy:Contact must be set in Production", error.Message, StringComparison.Ordinal);
        Assert.Contains("was ''", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_production_start_with_the_demo_controller_copied_into_its_configuration_is_refused_too()
    {
        using var directory = new TempDirectory();
        await using var app = Build(directory, "Production", new Dictionary<string, string?>
        {
            ["Privacy:Controller"] = PrivacyOptions.DemoController,
            ["Privacy:Contact"] = "vanphong@example.vn",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains($"Privacy:Controller must be set in Production to the organisation responsible for the personal data (the controller), named in the consent text; was '{PrivacyOptions.DemoController}'.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Privacy:Contact", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_the_configured_controller_and_contact_are_the_ones_the_consent_text_names()
    {
        using var directory = new TempDirectory();
        await using var app = Build(directory, "Production", new Dictionary<string, string?>
        {
            ["Privacy:Controller"] = "Đảng ủy Khối các cơ quan tỉnh Nghệ An",
            ["Privacy:Contact"] = "Văn phòng, 0238 3 123 456, vanphong@example.vn",
        });

        var consent = app.Services.GetRequiredService<ConsentText>().Welcome("vi");

        Assert.Contains("Đảng ủy Khối các cơ quan tỉnh Nghệ An", consent, StringComparison.Ordinal);
        Assert.Contains("0238 3 123 456", consent, StringComparison.Ordinal);
        Assert.DoesNotContain(PrivacyOptions.DemoMark, consent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development", false)]
    [InlineData("Testing", false)]
    [InlineData("Production", true)]
    public async Task Development_tests_and_the_sandbox_show_a_clearly_marked_demo_controller(string environment, bool sandbox)
    {
        using var directory = new TempDirectory();
        var extra = new Dictionary<string, string?>();
        if (sandbox)
        {
            // The sandbox, explicitly enabled and without a token, in any environment.
            extra["Telegram:BotToken"] = "";
            extra["Sandbox:Enabled"] = "true";
            extra["Sandbox:DatabasePath"] = System.IO.Path.Combine(directory.Path, "sandbox.db");
        }

        await using var app = Build(directory, environment, extra);

        var options = app.Services.GetRequiredService<IOptions<PrivacyOptions>>().Value;
        Assert.Equal(PrivacyOptions.DemoController, options.Controller);
        Assert.Equal(PrivacyOptions.DemoContact, options.Contact);
        Assert.Contains(PrivacyOptions.DemoMark, app.Services.GetRequiredService<ConsentText>().Welcome("vi"), StringComparison.Ordinal);
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("d920-privacy-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
