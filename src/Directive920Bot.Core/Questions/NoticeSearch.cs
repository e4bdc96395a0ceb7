using Directive920Bot.Content;

namespace Directive920Bot.Questions;

/// <summary>
/// The current <see cref="NoticeIndex"/> of the content catalogue: built at start, rebuilt when the content reloads so
/// that an edited lesson is searchable at once. A search in flight keeps the index it started with.
/// </summary>
public sealed class NoticeSearch : IDisposable
{
    private readonly ContentService content;
    private readonly ILogger<NoticeSearch> log;
    private NoticeIndex index;

    public NoticeSearch(ContentService content, ILogger<NoticeSearch> log)
    {
        ArgumentNullException.ThrowIfNull(content);
        this.content = content;
        this.log = log;
        index = NoticeIndex.Build(content.Current);
        content.Changed += OnChanged;
        log.LogInformation("Question index built: {Passages} passages", index.Passages.Count);
    }

    public NoticeIndex Current => Volatile.Read(ref index);

    public AskAnswer Ask(string question, string? language = null) => Current.Ask(question, language);

    public void Dispose()
    {
        content.Changed -= OnChanged;
        Current.Dispose();
    }

    private void OnChanged(object? sender, ContentCatalog catalog)
    {
        // The old index is left to the collector rather than disposed: a search may still be reading it.
        Volatile.Write(ref index, NoticeIndex.Build(catalog));
        log.LogInformation("Question index rebuilt after a content reload: {Passages} passages", Current.Passages.Count);
    }
}
