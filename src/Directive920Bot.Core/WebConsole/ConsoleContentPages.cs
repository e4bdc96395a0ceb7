using Directive920Bot.Web;

namespace Directive920Bot.WebConsole;

/// <summary>
/// Nội dung / Content under <c>/console/content</c>: every admin reads the catalogue, previews and item analysis (as /report
/// shows them); only a bloc admin reloads the content (POST, anti-forgery, audited), as only they may in the bot and the API.
/// </summary>
internal static class ConsoleContentPages
{
    public static RouteGroupBuilder MapConsoleContent(this RouteGroupBuilder console)
    {
        console.MapGet("/content", (HttpContext http, ContentDesk desk) =>
            ConsoleHttp.Page<Components.ContentPage>(http, desk.Overview(ConsoleHttp.LanguageOf(http))));

        console.MapGet("/content/{id}", (HttpContext http, string id, ContentDesk desk) => desk.Preview(id) is { } preview
            ? (IResult)ConsoleHttp.Page<Components.ContentItemPage>(http, preview)
            : ConsoleHttp.Message(http, ConsoleDeskTexts.ContentNoItem, StatusCodes.Status404NotFound, "/console/content"));

        console.MapPost("/content/reload", (HttpContext http, ContentDesk desk) =>
        {
            if (!http.GetAccess().IsBlocAdmin)
            {
                return (IResult)ConsoleHttp.Message(http, ConsoleTexts.BlocOnly, StatusCodes.Status403Forbidden, "/console/content");
            }

            var result = desk.Reload(ConsoleAuth.PersonOf(http.User) ?? Admin.AuditLog.Console);
            var outcome = result.Catalog is { } catalog ? new ReloadOutcome(catalog.Items.Count, []) : new ReloadOutcome(null, [.. result.Errors.Select(desk.Line)]);
            return ConsoleHttp.Page<Components.ContentPage>(http, desk.Overview(ConsoleHttp.LanguageOf(http)) with { Reload = outcome },
                result.Catalog is null ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
        });
        return console;
    }
}
