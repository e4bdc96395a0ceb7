using System.Net;
using Directive920Bot.Admin;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>A form posted without the page's anti-forgery token is refused with 400 and changes nothing.</summary>
public sealed class ConsoleAntiforgeryTests
{
    [Fact]
    public async Task A_nudge_posted_without_the_form_token_is_refused_and_nobody_is_nudged()
    {
        await using var bot = await StartAsync();
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);
        var audit = bot.Get<AuditLog>();
        var before = audit.Count();

        var forged = await browser.PostAsync("/console/units/SNV-VP/nudge", page: null);
        var logout = await browser.PostAsync("/console/logout", page: null);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(before, audit.Count());
        Assert.Empty(audit.Recent(50, "nudge"));
        // Still signed in: the forged sign-out did nothing either.
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/console")).StatusCode);

        var page = await browser.Http.GetStringAsync("/console/units/SNV-VP");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/console/units/SNV-VP/nudge", page)).StatusCode);
        Assert.Single(audit.Recent(50, "nudge"));
    }

    [Fact]
    public async Task A_sign_in_posted_without_the_form_token_is_refused_and_the_link_stays_usable()
    {
        await using var bot = await StartAsync();
        var link = await ConsoleBrowser.LinkForAsync(bot, BlocAdmin);
        using var browser = new ConsoleBrowser(bot);

        var forged = await browser.PostAsync("/signin", page: null, new Dictionary<string, string> { ["token"] = link[(link.LastIndexOf('/') + 1)..] });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(bot.Get<AuditLog>().Recent(50, "console.signin"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInWithAsync(link)).StatusCode);
    }
}
