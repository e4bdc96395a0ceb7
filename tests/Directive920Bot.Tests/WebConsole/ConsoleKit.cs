using System.Net;
using System.Text.RegularExpressions;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>A browser as the console tests need one: its own cookies, no automatic redirects, form tokens read from pages.</summary>
public sealed partial class ConsoleBrowser : IDisposable
{
    private readonly HttpClientHandler handler;

    /// <summary>A browser per kind of visitor of the authorisation tables: anonymous, and each admin signed in.</summary>
    public static async Task<Dictionary<Reports.Who, ConsoleBrowser>> ForEveryVisitorAsync(BotHarness bot)
    {
        var browsers = new Dictionary<Reports.Who, ConsoleBrowser> { [Reports.Who.Anonymous] = new ConsoleBrowser(bot) };
        foreach (var who in new[] { Reports.Who.UnitAdminInScope, Reports.Who.UnitAdminOutOfScope, Reports.Who.BlocAdmin })
        {
            var browser = new ConsoleBrowser(bot);
            await browser.SignInAsync(bot, Reports.AuthorizationMatrixFixture.UserOf(who)!.Value);
            browsers[who] = browser;
        }

        return browsers;
    }

    public ConsoleBrowser(BotHarness bot, string? forwardedProto = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        Cookies = new CookieContainer();
        handler = new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = forwardedProto is null };
        // Behind the TLS proxy the cookies are Secure: a CookieContainer would keep them from the plain-HTTP hop to the
        // service, as the proxy would not. Then the browser's jar is a plain one that sends every cookie back.
        Http = forwardedProto is null ? new HttpClient(handler) { BaseAddress = bot.WebUrl }
            : new HttpClient(new ForwardingJar(handler), disposeHandler: false) { BaseAddress = bot.WebUrl };
        if (forwardedProto is not null)
        {
            Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        }
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    /// <summary>The Set-Cookie headers of the last sign-in response.</summary>
    public IReadOnlyList<string> SignInCookies { get; private set; } = [];

    /// <summary>Asks the bot for a link as <paramref name="user"/> (over the emulator, as a person would) and returns it.</summary>
    public static async Task<string> LinkForAsync(BotHarness bot, long user)
    {
        ArgumentNullException.ThrowIfNull(bot);
        bot.User(user);
        var reply = await bot.SayAsync(user, "/web", m => m.Text?.Contains("/signin/", StringComparison.Ordinal) == true);
        return LinkPattern().Match(reply.Text ?? "").Value;
    }

    /// <summary>Opens the link (GET shows the page), presses “Đăng nhập” (POST with the page's form token).</summary>
    public async Task<HttpResponseMessage> SignInWithAsync(string link)
    {
        var path = new Uri(link).PathAndQuery;
        var page = await Http.GetStringAsync(path);
        var response = await PostAsync("/signin", page, new Dictionary<string, string> { ["token"] = path["/signin/".Length..] });
        SignInCookies = response.Headers.TryGetValues("Set-Cookie", out var cookies) ? [.. cookies] : [];
        return response;
    }

    public async Task<HttpResponseMessage> SignInAsync(BotHarness bot, long user)
    {
        var response = await SignInWithAsync(await LinkForAsync(bot, user));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    /// <summary>Posts a form the way the page would: with the token of <paramref name="page"/> (or none when null).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string? page, IDictionary<string, string>? fields = null)
    {
        var form = new Dictionary<string, string>(fields ?? new Dictionary<string, string>());
        if (page is not null)
        {
            form["__af"] = TokenPattern().Match(page).Groups[1].Value;
        }

        return Http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public void Dispose()
    {
        Http.Dispose();
        handler.Dispose();
    }

    /// <summary>Keeps name=value of every Set-Cookie and sends them all back, whatever their attributes.</summary>
    private sealed class ForwardingJar(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly Dictionary<string, string> jar = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (jar.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => c.Key + "=" + c.Value)));
            }

            var response = await base.SendAsync(request, cancellationToken);
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = cookie.Split(';')[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                jar[pair[..equals]] = pair[(equals + 1)..];
            }

            return response;
        }
    }

    [GeneratedRegex(@"https?://\S+/signin/[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>An authorisation table: each row is one address and the status each kind of visitor must get.</summary>
public sealed class VisitorTable : TheoryData<string, string, Reports.Who, int>
{
    public void Row(string method, string path, int anonymous, int inScope, int outOfScope, int bloc)
    {
        Add(method, path, Reports.Who.Anonymous, anonymous);
        Add(method, path, Reports.Who.UnitAdminInScope, inScope);
        Add(method, path, Reports.Who.UnitAdminOutOfScope, outOfScope);
        Add(method, path, Reports.Who.BlocAdmin, bloc);
    }
}
