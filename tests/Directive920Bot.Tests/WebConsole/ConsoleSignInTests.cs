using System.Globalization;
using System.Net;
using Directive920Bot.Admin;
using Directive920Bot.Tests.Infrastructure;
using Directive920Bot.WebConsole;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>Signing in without passwords: a one-time link from <c>/web</c>, a strict cookie session, <c>/web logout</c>.</summary>
public sealed class ConsoleSignInTests
{
    [Fact]
    public async Task An_admin_signs_in_through_the_bots_link_and_gets_an_http_only_strict_session_cookie()
    {
        await using var bot = await StartAsync();
        using var browser = new ConsoleBrowser(bot);

        var response = await browser.SignInAsync(bot, BlocAdmin);

        Assert.Equal("/console", response.Headers.Location?.OriginalString);
        var session = Assert.Single(browser.SignInCookies, c => c.StartsWith(ConsoleAuth.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        // Plain HTTP on loopback: a Secure cookie would never come back.
        Assert.DoesNotContain("secure;", session + ";", StringComparison.OrdinalIgnoreCase);
        var overview = await browser.Http.GetAsync("/console");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("Tổng quan", await overview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_cookie_is_secure_when_the_console_is_served_over_https_behind_the_proxy()
    {
        var settings = new Dictionary<string, string?> { ["Web:BehindProxy"] = "true" };
        await using var bot = await StartWithAsync(settings);
        using var browser = new ConsoleBrowser(bot, forwardedProto: "https");

        await browser.SignInAsync(bot, BlocAdmin);

        var session = Assert.Single(browser.SignInCookies, c => c.StartsWith(ConsoleAuth.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Opening_the_link_does_not_use_it_so_a_link_preview_cannot_burn_it()
    {
        await using var bot = await StartAsync();
        var link = await ConsoleBrowser.LinkForAsync(bot, BlocAdmin);
        using var preview = new ConsoleBrowser(bot);
        Assert.Equal(HttpStatusCode.OK, (await preview.Http.GetAsync(new Uri(link).PathAndQuery)).StatusCode);

        using var browser = new ConsoleBrowser(bot);
        var response = await browser.SignInWithAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_link_works_once_and_is_refused_the_second_time()
    {
        await using var bot = await StartAsync();
        var link = await ConsoleBrowser.LinkForAsync(bot, BlocAdmin);
        using var first = new ConsoleBrowser(bot);
        Assert.Equal(HttpStatusCode.Redirect, (await first.SignInWithAsync(link)).StatusCode);

        using var second = new ConsoleBrowser(bot);
        var again = await second.SignInWithAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("đã được dùng", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(second.SignInCookies, c => c.StartsWith(ConsoleAuth.CookieName + "=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await second.Http.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task A_link_older_than_ten_minutes_is_refused()
    {
        await using var bot = await StartAsync();
        var link = await ConsoleBrowser.LinkForAsync(bot, BlocAdmin);
        bot.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        using var browser = new ConsoleBrowser(bot);

        var response = await browser.SignInWithAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("hết hạn", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_just_under_ten_minutes_old_still_works()
    {
        await using var bot = await StartAsync();
        var link = await ConsoleBrowser.LinkForAsync(bot, BlocAdmin);
        bot.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        using var browser = new ConsoleBrowser(bot);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInWithAsync(link)).StatusCode);
    }

    [Fact]
    public async Task Someone_elses_link_is_refused_in_a_browser_signed_in_as_another_admin_and_stays_unused()
    {
        await using var bot = await StartAsync();
        GrantUnitAdmins(bot);
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, UnitAdminInScope);
        var othersLink = await ConsoleBrowser.LinkForAsync(bot, BlocAdmin);

        var response = await browser.SignInWithAsync(othersLink);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await browser.Http.GetStringAsync("/console");
        Assert.Contains("quản trị đơn vị SNV", page, StringComparison.Ordinal);
        using var owner = new ConsoleBrowser(bot);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SignInWithAsync(othersLink)).StatusCode);
    }

    [Fact]
    public async Task A_made_up_token_is_refused_and_a_cadre_gets_no_link()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync(Cadre, "Đặng Thị Hằng", TargetUnit);
        using var browser = new ConsoleBrowser(bot);

        var response = await browser.SignInWithAsync(bot.WebUrl + "signin/not-a-token-0123456789");
        var reply = await bot.SayAsync(Cadre, "/web");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("/signin/", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_store_keeps_only_the_hash_of_the_token()
    {
        await using var bot = await StartAsync();
        var link = await ConsoleBrowser.LinkForAsync(bot, BlocAdmin);
        var token = link[(link.LastIndexOf('/') + 1)..];
        var store = bot.Get<IConsoleSignIns>();

        Assert.Null(store.Find(token));
        Assert.Equal(BlocAdmin, store.Find(ConsoleSignInService.Hash(token))!.PersonId);
    }

    [Fact]
    public async Task Web_logout_in_the_bot_ends_every_session_of_that_person_and_is_audited()
    {
        await using var bot = await StartAsync();
        using var laptop = new ConsoleBrowser(bot);
        using var desk = new ConsoleBrowser(bot);
        await laptop.SignInAsync(bot, BlocAdmin);
        await desk.SignInAsync(bot, BlocAdmin);
        Assert.Equal(HttpStatusCode.OK, (await desk.Http.GetAsync("/console")).StatusCode);

        var reply = await bot.SayAsync(BlocAdmin, "/web logout");

        Assert.Contains("Đã đăng xuất mọi phiên", reply.Text, StringComparison.Ordinal);
        foreach (var browser in new[] { laptop, desk })
        {
            var page = await browser.Http.GetAsync("/console");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Contains("/signin", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var audit = bot.Get<AuditLog>();
        Assert.Equal(2, audit.Recent(50, "console.signin").Count);
        var signOut = Assert.Single(audit.Recent(50, "console.signout"));
        Assert.Equal(BlocAdmin, signOut.Actor);
        Assert.Contains("/web logout", signOut.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_in_the_console_ends_the_session()
    {
        await using var bot = await StartAsync();
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);
        var page = await browser.Http.GetStringAsync("/console");

        var response = await browser.PostAsync("/console/logout", page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/console")).StatusCode);
        Assert.Single(bot.Get<AuditLog>().Recent(50, "console.signout"));
    }

    [Fact]
    public async Task A_session_idle_for_longer_than_the_timeout_ends()
    {
        await using var bot = await StartAsync();
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);
        bot.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/console")).StatusCode);

        bot.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_unit_admin_is_out_at_the_next_request()
    {
        await using var bot = await StartAsync();
        GrantUnitAdmins(bot);
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, UnitAdminInScope);

        bot.Get<RoleService>().Revoke(BlocAdmin, UnitAdminInScope, AdminRole.UnitAdmin, ScopeUnit);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/console")).StatusCode);
    }

    private static Task<BotHarness> StartWithAsync(Dictionary<string, string?> extra)
    {
        var settings = Engagement.EngagementKit.Settings(new Dictionary<string, string?> { ["Bot:SuperAdmins:0"] = BlocAdmin.ToString(CultureInfo.InvariantCulture) });
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return BotHarness.StartAsync(settings);
    }
}
