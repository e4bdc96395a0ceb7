namespace Directive920Bot.Content;

/// <summary>What <see cref="ContentLoader.Load"/> found: a catalogue when there were no errors, and every diagnostic.</summary>
public sealed record ContentLoadResult(ContentCatalog? Catalog, IReadOnlyList<ContentDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public IEnumerable<ContentDiagnostic> Errors => Diagnostics.Where(d => d.IsError);
}
