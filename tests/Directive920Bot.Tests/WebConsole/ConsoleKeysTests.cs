using System.Net;
using Directive920Bot.Tests.Infrastructure;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>The cookie keys live in the data folder, owner-only, so a restart keeps the console's sessions.</summary>
public sealed class ConsoleKeysTests
{
    [Fact]
    public async Task A_console_session_survives_a_restart_of_the_service()
    {
        await using var bot = await StartAsync();
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/console")).StatusCode);

        await bot.RestartAsync();
        using var after = new HttpClient(new HttpClientHandler { CookieContainer = browser.Cookies, AllowAutoRedirect = false }) { BaseAddress = bot.WebUrl };
        // The port may change with the restart: the browser's cookies go to the new address.
        foreach (System.Net.Cookie cookie in browser.Cookies.GetAllCookies())
        {
            browser.Cookies.Add(bot.WebUrl, new System.Net.Cookie(cookie.Name, cookie.Value, "/"));
        }

        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task The_keys_are_kept_beside_the_database_readable_by_the_service_user_only()
    {
        await using var bot = await StartAsync();
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);

        var folder = Path.Combine(bot.DataDirectory, "keys");
        var keys = Directory.GetFiles(folder, "key-*.xml");

        Assert.NotEmpty(keys);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            foreach (var key in keys)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
            }
        }
    }
}
