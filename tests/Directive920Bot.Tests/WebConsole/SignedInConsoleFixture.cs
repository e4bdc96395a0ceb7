using Directive920Bot.Tests.Infrastructure;
using Directive920Bot.Tests.Reports;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>
/// One running service with what a console test class reads, and a browser per kind of visitor of the authorisation
/// tables (nobody, SNV's and STC's unit admins, a bloc admin), each signed in with a real one-time link; the browsers
/// are disposed with the service.
/// </summary>
public abstract class SignedInConsoleFixture : IAsyncLifetime
{
    public BotHarness Bot { get; private set; } = null!;

    public Dictionary<Who, ConsoleBrowser> Browsers { get; } = [];

    public async Task InitializeAsync()
    {
        Bot = await StartServiceAsync();
        await SeedAsync();
        foreach (var (who, browser) in await ConsoleBrowser.ForEveryVisitorAsync(Bot))
        {
            Browsers[who] = browser;
        }
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var browser in Browsers.Values)
        {
            browser.Dispose();
        }

        await Bot.DisposeAsync();
    }

    /// <summary>Starts the service (the reports' default settings unless a fixture needs others).</summary>
    protected virtual Task<BotHarness> StartServiceAsync() => ReportsTestSupport.StartAsync();

    /// <summary>Writes what the tests read, through <see cref="Bot"/>, before anyone signs in.</summary>
    protected abstract Task SeedAsync();
}
