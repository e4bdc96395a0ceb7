using LiteDB;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>
/// How a feature's collection becomes a <see cref="StoreSection"/>: its records as the feature's type, counted by the
/// engine. A section's name is the PostgreSQL table's; <see cref="SourceNames"/> lists the LiteDB names that differ.
/// </summary>
internal static class CopyCollections
{
    /// <summary>The LiteDB collections read under another section's name (the source's own names).</summary>
    public static readonly IReadOnlyList<string> SourceNames =
    [
        SubscriberCollections.Erased, "tracks", "eng_acks", "eng_answers", "eng_quiz_sent", "eng_quiz_selection", "eng_review", "eng_meta",
        "eng_feedback", "eng_feedback_draft", "eng_ack_watch", "eng_escalations", "ask_unanswered", Channels.PersonCollections.Allocation,
    ];

    public static StoreSection Of<T>(ILiteDatabase lite, string section, string? collection = null)
    {
        var name = collection ?? section;
        return new StoreSection(section, lite.CollectionExists(name) ? lite.GetCollection(name).LongCount() : 0,
            Lazy(() => lite.CollectionExists(name) ? lite.GetCollection<T>(name).FindAll() : []));
    }

    /// <summary>Records read only when the target asks for them (the reader stays open until the copy ends).</summary>
    public static IEnumerable<object> Lazy<T>(Func<IEnumerable<T>> read)
    {
        foreach (var record in read())
        {
            yield return record!;
        }
    }
}
