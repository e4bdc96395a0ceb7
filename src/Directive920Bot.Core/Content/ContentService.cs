using Directive920Bot.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Directive920Bot.Content;

/// <summary>Thrown at start-up when the content folder has errors; the message lists every <c>file:line: message</c>.</summary>
public sealed class ContentValidationException : Exception
{
    public ContentValidationException()
    {
    }

    public ContentValidationException(string message)
        : base(message)
    {
    }

    public ContentValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ContentValidationException(string rootPath, IReadOnlyList<ContentDiagnostic> diagnostics)
        : base(Describe(rootPath, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<ContentDiagnostic> Diagnostics { get; } = [];

    private static string Describe(string rootPath, IReadOnlyList<ContentDiagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        return $"Content folder '{rootPath}' has {errors.Count} error(s); run 'content validate --path {rootPath}':"
            + Environment.NewLine + string.Join(Environment.NewLine, errors);
    }
}

/// <summary>
/// Holds the last good catalogue. Loading happens in the constructor (so a broken folder stops
/// start-up); <see cref="Reload"/> swaps in a new catalogue only when it has no errors.
/// </summary>
public sealed class ContentService
{
    private readonly ILogger logger;
    private readonly Lock reloadGate = new();
    private ContentCatalog current;

    private readonly BotClock? clock;

    /// <param name="clock">The business clock: with it, tentative holidays in the coming 60 days are logged as warnings.</param>
    public ContentService(string rootPath, ILogger<ContentService>? logger = null, BotClock? clock = null)
    {
        this.clock = clock;
        ArgumentNullException.ThrowIfNull(rootPath);
        RootPath = Path.GetFullPath(rootPath);
        this.logger = logger ?? NullLogger<ContentService>.Instance;
        var result = ContentLoader.Load(RootPath);
        current = result.Catalog ?? throw new ContentValidationException(RootPath, result.Diagnostics);
        LogWarnings(result);
        this.logger.LogInformation("Loaded content from {Path}: {Items} items, {Warnings} warning(s)", RootPath, current.Items.Count, current.Warnings.Count);
    }

    public event EventHandler<ContentCatalog>? Changed;

    public string RootPath { get; }

    public ContentCatalog Current => Volatile.Read(ref current);

    public ContentLoadResult Reload()
    {
        ContentLoadResult result;
        lock (reloadGate)
        {
            result = ContentLoader.Load(RootPath);
            if (result.Catalog is null)
            {
                logger.LogError(
                    "Content in {Path} has errors; keeping the previous catalogue:{NewLine}{Errors}",
                    RootPath,
                    Environment.NewLine,
                    string.Join(Environment.NewLine, result.Errors));
                return result;
            }

            Volatile.Write(ref current, result.Catalog);
        }

        LogWarnings(result);
        logger.LogInformation("Reloaded content from {Path}: {Items} items", RootPath, result.Catalog.Items.Count);
        Changed?.Invoke(this, result.Catalog);
        return result;
    }

    private void LogWarnings(ContentLoadResult result)
    {
        var upcoming = clock is null || result.Catalog is null
            ? []
            : TentativeHolidays.Upcoming(result.Catalog.Curriculum.Holidays, TentativeHolidays.Today(clock.Time, clock.Zone));
        foreach (var warning in result.Diagnostics.Where(d => !d.IsError).Concat(upcoming))
        {
            logger.LogWarning("Content: {Diagnostic}", warning.ToString());
        }
    }
}
