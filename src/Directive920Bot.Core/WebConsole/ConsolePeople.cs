using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Directive920Bot.Web;
using Microsoft.AspNetCore.Mvc;

namespace Directive920Bot.WebConsole;

/// <summary>
/// Người dùng / People: registered people of the admin's scope found by name, with their admin roles; the roster import
/// in two steps — a preview that checks the file (line-numbered errors, or what it would add, update and retire) and
/// writes nothing, then “Write the roster”, which sends the same file again and is checked again before it is written.
/// </summary>
internal static class ConsolePeople
{
    /// <summary>The file travels back in the confirmation form as base64 (a third larger than the 5 MB it may be).</summary>
    private const long MaxApplyRequestBytes = (UploadLimits.MaxBytes * 4 / 3) + (256 * 1024);

    public static RouteGroupBuilder MapConsolePeople(this RouteGroupBuilder console)
    {
        // 50 people a page, with plain page links; a page number past the end shows the last page.
        console.MapGet("/people", (HttpContext http, string? q, string? page, ISubscribers subscribers, IUnits units, IAccessPolicy access) =>
        {
            var number = 1;
            if (!string.IsNullOrEmpty(page) && !int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number))
            {
                return (IResult)ConsoleHttp.Message(http, ConsoleTexts.BadPage, StatusCodes.Status400BadRequest, "/console/people");
            }

            var found = SearchPage(http, q, subscribers, units, access, number);
            return ConsoleHttp.Page<Components.PeoplePage>(http, new PeopleModel(found.Rows, q, null) { Total = found.Total, Page = found.Page, Pages = found.Pages });
        });

        console.MapPost("/people/roster", async (HttpContext http, RosterImporter importer, IUnits units, AuditLog audit, ISubscribers subscribers, IAccessPolicy access) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var grant = http.GetAccess();
            var allowed = grant.IsBlocAdmin ? null : grant.VisibleUnits(units);
            byte[]? content = null;
            string name;
            var apply = form["apply"] == "1";
            if (apply)
            {
                name = form["name"].ToString();
                try
                {
                    content = Convert.FromBase64String(form["content"].ToString());
                }
                catch (FormatException)
                {
                    content = null;
                }
            }
            else
            {
                var file = form.Files.GetFile("file");
                name = file?.FileName ?? "";
                if (file is { Length: > 0 and <= UploadLimits.MaxBytes })
                {
                    using var buffer = new MemoryStream();
                    await file.CopyToAsync(buffer, http.RequestAborted);
                    content = buffer.ToArray();
                }
            }

            if (content is null || content.Length == 0 || content.Length > UploadLimits.MaxBytes || string.IsNullOrWhiteSpace(name))
            {
                return ConsoleHttp.Page<Components.PeoplePage>(http, new PeopleModel([], null, new RosterOutcome(null, null, null, false, ConsoleTexts.RosterNoFile)),
                    StatusCodes.Status400BadRequest);
            }

            // Only the file's base name is shown and logged (a browser may send a path).
            name = Path.GetFileName(name);
            using var stream = new MemoryStream(content);
            var result = importer.Import(name, stream, allowed, ConsoleHttp.LanguageOf(http), preview: !apply);
            if (result.Ok && apply)
            {
                audit.Write(ConsoleAuth.PersonOf(http.User) ?? AuditLog.Console, "roster.import", name,
                    FormattableString.Invariant($"added {result.Added}, updated {result.Updated}, retired {result.Retired} (web console)"));
            }

            var outcome = new RosterOutcome(name, result, result.Ok && !apply ? Convert.ToBase64String(content) : null, apply, null);
            return ConsoleHttp.Page<Components.PeoplePage>(http, new PeopleModel(Search(http, null, subscribers, units, access), null, outcome),
                result.Ok ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
        }).WithMetadata(new RequestSizeLimitAttribute(MaxApplyRequestBytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxApplyRequestBytes, ValueLengthLimit = (int)MaxApplyRequestBytes });
        return console;
    }

    public const int PageSize = 50;

    internal static List<PersonRow> Search(HttpContext http, string? query, ISubscribers subscribers, IUnits units, IAccessPolicy access) =>
        SearchPage(http, query, subscribers, units, access, 1).Rows;

    /// <summary>Page <paramref name="page"/> (clamped) of the registered people of the scope the query finds, and how many it finds.</summary>
    internal static (List<PersonRow> Rows, int Total, int Page, int Pages) SearchPage(HttpContext http, string? query, ISubscribers subscribers, IUnits units,
        IAccessPolicy access, int page)
    {
        var visible = http.GetAccess().VisibleUnits(units);
        var folded = string.IsNullOrWhiteSpace(query) ? null : TextFold.Fold(query);
        var matching = subscribers.InUnits(visible).Where(s => s.IsRegistered)
            .Where(s => folded is null || TextFold.Fold(s.FullName ?? "").Contains(folded, StringComparison.Ordinal))
            .ToList();
        var (current, pages, skip) = InboxItemsPage.Clamp(matching.Count, page, PageSize);
        var rows = matching
            .OrderBy(s => s.UnitCode, StringComparer.Ordinal).ThenBy(s => s.FullName, StringComparer.Ordinal).ThenBy(s => s.Id)
            .Skip(skip).Take(PageSize)
            .Select(s =>
            {
                var grant = access.For(s.Id);
                var role = grant.IsBlocAdmin ? "BlocAdmin" : grant.IsAdmin ? "UnitAdmin " + string.Join(", ", grant.Units) : "";
                return new PersonRow(s.Id.ToString(CultureInfo.InvariantCulture), s.FullName ?? "", s.UnitCode ?? "", s.Status.ToString(), role);
            })
            .ToList();
        return (rows, matching.Count, current, pages);
    }
}

public sealed record PersonRow(string Id, string Name, string UnitCode, string Status, string Role);

/// <param name="Content">The checked file, base64, for the confirmation form (only after a clean preview).</param>
public sealed record RosterOutcome(string? FileName, RosterImportResult? Result, string? Content, bool Written, Localization.Loc? Problem);

public sealed record PeopleModel(IReadOnlyList<PersonRow> People, string? Query, RosterOutcome? Roster)
{
    /// <summary>After the role form: what it did or why it refused.</summary>
    public RoleOutcome? Role { get; init; }

    /// <summary>Everyone the search finds, on all pages.</summary>
    public int Total { get; init; } = People.Count;

    public int Page { get; init; } = 1;

    public int Pages { get; init; } = 1;

    /// <summary>The address of page <paramref name="page"/> of the same search.</summary>
    public string PageLink(int page) => "/console/people?q=" + Uri.EscapeDataString(Query ?? "") + "&page=" + page.ToString(CultureInfo.InvariantCulture);
}
