namespace Directive920Bot.Content;

/// <summary>
/// The <c>content validate</c> verb: every diagnostic as <c>file:line: error|warning: message</c>, then a summary.
/// <paramref name="today"/> is the business clock's local date: tentative holidays in the coming 60 days are warned about.
/// </summary>
public static class ContentCli
{
    public static async Task<int> ValidateAsync(string path, TextWriter output, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(output);
        // Same lookup as the service, so `dotnet run -- content validate` (cwd = project folder) finds the repo's content.
        var root = ContentOptions.ResolvePath(path, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        var result = ContentLoader.Load(root);
        var upcoming = result.Catalog is { } loaded ? TentativeHolidays.Upcoming(loaded.Curriculum.Holidays, today) : [];
        foreach (var diagnostic in result.Diagnostics.Concat(upcoming))
        {
            ct.ThrowIfCancellationRequested();
            await output.WriteLineAsync(diagnostic.ToString().AsMemory(), ct);
        }

        var errors = result.Diagnostics.Count(d => d.IsError);
        var warnings = result.Diagnostics.Count - errors + upcoming.Count;
        var items = result.Catalog is { } catalog ? $"{catalog.Items.Count} item(s), " : string.Empty;
        await output.WriteLineAsync($"{root}: {items}{errors} error(s), {warnings} warning(s)".AsMemory(), ct);
        return errors > 0 ? 1 : 0;
    }
}
