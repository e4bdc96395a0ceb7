using Directive920Bot.Admin;
using Directive920Bot.Localization;
using Directive920Bot.Registration;
using Directive920Bot.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Directive920Bot.WebConsole;

/// <summary>Renders console pages (Razor components, static server-side rendering) with their frame.</summary>
public static class ConsoleHttp
{
    public const string LanguageCookie = "d920.lang";

    /// <summary>The console's language for this request: English when the switch's cookie says so, else Vietnamese.</summary>
    public static string LanguageOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Request.Cookies[LanguageCookie] is Languages.English ? Languages.English : Languages.Vietnamese;
    }

    public static ConsoleFrame Frame(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var language = LanguageOf(http);
        var person = ConsoleAuth.PersonOf(http.User);
        var name = person is { } id ? http.RequestServices.GetRequiredService<ISubscribers>().Find(id)?.FullName : null;
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        var tokens = antiforgery.GetAndStoreTokens(http);
        var access = person is null ? AccessGrant.Cadre : http.GetAccess();
        return new ConsoleFrame(language, person, name, access, tokens.FormFieldName, tokens.RequestToken ?? "", http.Request.Path + http.Request.QueryString);
    }

    /// <summary>A page: <typeparamref name="TPage"/> gets the frame and <paramref name="model"/> as its parameters.</summary>
    public static RazorComponentResult<TPage> Page<TPage>(HttpContext http, object? model, int status = StatusCodes.Status200OK)
        where TPage : IComponent
    {
        ArgumentNullException.ThrowIfNull(http);
        // Pages show personal data: never kept by a shared cache or the browser's back-forward cache on a shared desk.
        http.Response.Headers.CacheControl = "no-store";
        var parameters = new Dictionary<string, object?> { ["Frame"] = Frame(http) };
        if (model is not null)
        {
            parameters["Model"] = model;
        }

        return new RazorComponentResult<TPage>(parameters) { StatusCode = status };
    }

    /// <summary>A short page with one message (refusals, results), in the status the situation calls for.</summary>
    public static RazorComponentResult<Components.MessagePage> Message(HttpContext http, Loc text, int status, string? back = null) =>
        Page<Components.MessagePage>(http, new MessageModel(text, back), status);

    /// <summary>A redirect only to a path of this site (a crafted <c>back=</c> must not send anyone elsewhere).</summary>
    public static string LocalPath(string? path, string fallback = "/console") =>
        !string.IsNullOrEmpty(path) && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal)
            ? path : fallback;
}

public sealed record MessageModel(Loc Text, string? Back);
