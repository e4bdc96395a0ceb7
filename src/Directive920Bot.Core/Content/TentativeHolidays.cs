using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Directive920Bot.Content;

/// <summary>
/// Candidate holiday dates (<c>tentative: true</c> in holidays.yaml) waiting for the Government's yearly announcement:
/// the warning when one is near, and <c>content holiday confirm &lt;date&gt;</c>, which turns one candidate into a holiday.
/// The loader stays clock-free; the date check runs where a business clock is at hand (the CLI, the service at start).
/// </summary>
public static partial class TentativeHolidays
{
    /// <summary>How far ahead an unconfirmed candidate is worth a warning: enough time to plan the schedule around it.</summary>
    public const int WarningDays = 60;

    /// <summary>A warning for every tentative holiday in the coming <see cref="WarningDays"/> days: today and the 59 days after it.</summary>
    public static IReadOnlyList<ContentDiagnostic> Upcoming(IEnumerable<Holiday> holidays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        var end = today.AddDays(WarningDays);
        return [.. holidays
            .Where(h => h.Tentative && h.Date >= today && h.Date < end)
            .Select(h => new ContentDiagnostic(
                h.File ?? "holidays.yaml",
                h.Line,
                $"{h.Date:yyyy-MM-dd} is a tentative holiday in {h.Date.DayNumber - today.DayNumber} day(s) ({h.Choice}): it does not pause lessons "
                    + $"until confirmed; check the Government's announcement and run 'content holiday confirm <date>' for the chosen candidate "
                    + $"({string.Join(" or ", Candidates(holidays, h).Select(c => c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))})",
                IsError: false))];
    }

    /// <summary>The business clock's local date (Vietnam time unless the zone says otherwise).</summary>
    public static DateOnly Today(TimeProvider business, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(business);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(business.GetUtcNow(), zone).DateTime);
    }

    /// <summary>Loader check: a candidate left tentative after another of its choice was confirmed is a forgotten line.</summary>
    internal static void CheckDecided(IReadOnlyList<Holiday> holidays, DiagnosticBag bag)
    {
        foreach (var h in holidays.Where(h => h.Tentative))
        {
            var confirmed = holidays.FirstOrDefault(o => !o.Tentative && o.Choice is not null && string.Equals(o.Choice, h.Choice, StringComparison.Ordinal));
            if (confirmed is not null)
            {
                bag.Warning(h.File ?? "holidays.yaml", h.Line,
                    $"{h.Date:yyyy-MM-dd} is still tentative but {confirmed.Date:yyyy-MM-dd} was confirmed for '{h.Choice}': delete this line");
            }
        }
    }

    /// <summary>
    /// <c>content holiday confirm &lt;date&gt;</c>: removes <c>tentative: true</c> from that entry and deletes the other
    /// candidates of the same choice (one-line entries only), keeping every comment and the rest of the file as written.
    /// </summary>
    public static async Task<int> ConfirmAsync(string path, string dateText, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        var root = ContentOptions.ResolvePath(path, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        var loaded = ContentLoader.Load(root);
        if (loaded.Catalog is not { } catalog)
        {
            foreach (var error in loaded.Diagnostics.Where(d => d.IsError))
            {
                await output.WriteLineAsync(error.ToString().AsMemory(), ct);
            }

            await output.WriteLineAsync("Fix these errors first; nothing was changed.".AsMemory(), ct);
            return 1;
        }

        var holidays = catalog.Curriculum.Holidays;
        var tentative = holidays.Where(h => h.Tentative).ToList();
        var file = holidays.Count > 0 ? holidays[0].File ?? "holidays.yaml" : "holidays.yaml";
        var list = tentative.Count == 0 ? "none" : string.Join(", ", tentative.Select(h => $"{h.Date:yyyy-MM-dd} (line {h.Line})"));
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || holidays.FirstOrDefault(h => h.Date == date) is not { } holiday)
        {
            await output.WriteLineAsync($"{file}:{tentative.FirstOrDefault()?.Line ?? 1}: error: '{dateText}' is not a date listed in {file}; tentative candidates: {list}".AsMemory(), ct);
            return 1;
        }

        if (!holiday.Tentative)
        {
            await output.WriteLineAsync($"{holiday.File}:{holiday.Line}: error: {dateText} is already a confirmed holiday; tentative candidates: {list}".AsMemory(), ct);
            return 1;
        }

        var full = Path.Combine(root, holiday.File!);
        var text = await File.ReadAllTextAsync(full, ct);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split(newline).ToList();
        var index = holiday.Line - 1;
        var rewritten = index >= 0 && index < lines.Count ? FlowFlag().Replace(lines[index], string.Empty, 1) : null;
        if (rewritten is null || rewritten == lines[index])
        {
            await output.WriteLineAsync($"{holiday.File}:{holiday.Line}: error: write the entry on one line, as {{date: {dateText}, name: \"…\", choice: \"…\", tentative: true}}, or delete 'tentative: true' by hand".AsMemory(), ct);
            return 1;
        }

        lines[index] = rewritten;
        await output.WriteLineAsync($"{holiday.File}:{holiday.Line}: confirmed {dateText} ({holiday.Name})".AsMemory(), ct);

        // The other candidates of the same choice were not chosen: remove their one-line entries, bottom up so lines stay put.
        foreach (var other in Candidates(holidays, holiday).Where(h => h != holiday && h.Tentative).OrderByDescending(h => h.Line))
        {
            var i = other.Line - 1;
            if (i >= 0 && i < lines.Count && OneLineEntry().IsMatch(lines[i]))
            {
                lines.RemoveAt(i);
                await output.WriteLineAsync($"{other.File}:{other.Line}: removed the other candidate {other.Date:yyyy-MM-dd}".AsMemory(), ct);
            }
            else
            {
                await output.WriteLineAsync($"{other.File}:{other.Line}: warning: delete the other candidate {other.Date:yyyy-MM-dd} by hand".AsMemory(), ct);
            }
        }

        await File.WriteAllTextAsync(full, string.Join(newline, lines), new UTF8Encoding(false), ct);
        return 0;
    }

    private static IEnumerable<Holiday> Candidates(IEnumerable<Holiday> holidays, Holiday holiday) =>
        holidays.Where(h => h.Choice is not null && string.Equals(h.Choice, holiday.Choice, StringComparison.Ordinal));

    // ", tentative: true" inside a one-line {…} entry (also "tentative: true, " when it comes first).
    [GeneratedRegex(@"\s*,\s*tentative:\s*true(?=\s*[,}])|(?<=\{\s*)tentative:\s*true\s*,\s*")]
    private static partial Regex FlowFlag();

    [GeneratedRegex(@"^\s*-\s*\{.*\}\s*(#.*)?$")]
    private static partial Regex OneLineEntry();
}
