using Directive920Bot.Localization;
using Microsoft.AspNetCore.Authentication;

namespace Directive920Bot.WebConsole;

/// <summary>
/// <c>GET /signin/{token}</c> shows a page with a “Sign in” button; only its POST uses the link. A GET never uses it:
/// Telegram's link preview (and any scanner) fetches the address too, and must not burn the link. The POST is a
/// same-site request, so the <c>SameSite=Strict</c> cookie it sets goes with the redirect that follows.
/// </summary>
internal static class ConsoleSignInEndpoints
{
    public static RouteGroupBuilder MapSignIn(this RouteGroupBuilder group)
    {
        group.MapGet("/signin", (HttpContext http, string? @out) =>
            ConsoleHttp.Page<Components.SignInPage>(http, new SignInModel(null, @out is not null)));
        group.MapGet("/signin/{token}", (HttpContext http, string token) =>
        {
            // The token is in this address: no referrer may carry it to another site.
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            http.Response.Headers["X-Robots-Tag"] = "noindex";
            return ConsoleHttp.Page<Components.SignInPage>(http, new SignInModel(token, false));
        });
        group.MapPost("/signin", async (HttpContext http, ConsoleSignInService signIns, ILoggerFactory logs) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var token = form["token"].ToString();
            var current = await http.AuthenticateAsync(ConsoleAuth.Scheme);
            var signedInAs = current.Succeeded ? ConsoleAuth.PersonOf(current.Principal) : null;
            var (outcome, person, stamp) = await signIns.RedeemAsync(token, signedInAs);
            if (outcome == SignInOutcome.SignedIn)
            {
                var grant = http.RequestServices.GetRequiredService<Admin.IAccessPolicy>().For(person);
                await http.SignInAsync(ConsoleAuth.Scheme, ConsoleAuth.Principal(person, stamp!, grant));
                return Results.Redirect("/console", permanent: false, preserveMethod: false);
            }

            // The token is never logged; the person it named (if any) and the outcome are.
            logs.CreateLogger("Directive920Bot.WebConsole.SignIn").LogWarning("Console sign-in refused: {Outcome} (link of person {Person})", outcome, person);
            (Loc text, int status) = outcome switch
            {
                SignInOutcome.Expired => (ConsoleTexts.LinkExpired, StatusCodes.Status400BadRequest),
                SignInOutcome.AlreadyUsed => (ConsoleTexts.LinkUsed, StatusCodes.Status400BadRequest),
                SignInOutcome.OtherPerson => (ConsoleTexts.LinkOtherPerson, StatusCodes.Status403Forbidden),
                SignInOutcome.NotAdmin => (ConsoleTexts.LinkNotAdmin, StatusCodes.Status403Forbidden),
                _ => (ConsoleTexts.LinkUnknown, StatusCodes.Status400BadRequest),
            };
            return (IResult)ConsoleHttp.Message(http, text, status, "/signin");
        });
        group.MapGet("/console/language", (HttpContext http, string? to, string? back) =>
        {
            http.Response.Cookies.Append(ConsoleHttp.LanguageCookie, to == Languages.English ? Languages.English : Languages.Vietnamese,
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, MaxAge = TimeSpan.FromDays(365) });
            return TypedResults.LocalRedirect(ConsoleHttp.LocalPath(back));
        });
        return group;
    }
}

public sealed record SignInModel(string? Token, bool SignedOut);
