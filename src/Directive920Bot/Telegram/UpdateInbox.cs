using Directive920Bot.Storage;
using LiteDB;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Directive920Bot.Telegram;

/// <summary>
/// Every update is written here before Telegram is told it was received, and marked done after it was handled.
/// A crash between the two re-handles it at the next start; the same update_id delivered twice is stored once.
/// </summary>
public sealed class InboxEntry
{
    public int Id { get; set; }

    public string Json { get; set; } = "";

    public long ChatKey { get; set; }

    public DateTime ReceivedAt { get; set; }

    public bool Done { get; set; }

    public string? Error { get; set; }

    /// <summary>The update as received, kept in memory so that it is not parsed again from <see cref="Json"/>; null after a restart.</summary>
    [BsonIgnore]
    public Update? Received { get; set; }
}

public sealed class UpdateInbox(Database db, TimeProvider time)
{
    public const string CollectionName = "inbox";
    private const string OffsetKey = "telegram_offset";

    private ILiteCollection<InboxEntry> Entries => db.Collection<InboxEntry>(CollectionName);

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        database.GetCollection<InboxEntry>(CollectionName).EnsureIndex(e => e.Done);
        mapper?.ToDocument(new InboxEntry());
    });

    /// <summary>Stores the updates not seen before, in one transaction, and returns them.</summary>
    public Task<IReadOnlyList<InboxEntry>> AcceptAsync(IReadOnlyList<Update> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<InboxEntry>>([]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        // Serialised here, not on the database writer, which every handler waits for.
        var entries = updates.Select(update => new InboxEntry
        {
            Id = update.Id,
            Json = System.Text.Json.JsonSerializer.Serialize(update, JsonBotAPI.Options),
            ChatKey = ChatKeyOf(update),
            ReceivedAt = now,
            Received = update,
        }).ToList();
        return db.WriteAsync<IReadOnlyList<InboxEntry>>(() =>
        {
            // One range read finds the ids already stored (a redelivered batch), instead of a lookup per update.
            var seen = db.Lite.GetCollection(CollectionName).Query()
                .Where(Query.Between("_id", entries.Min(e => e.Id), entries.Max(e => e.Id)))
                .Select("{_id: $._id}").ToEnumerable().Select(d => d["_id"].AsInt32).ToHashSet();
            var fresh = entries.Where(e => seen.Add(e.Id)).ToList();
            if (fresh.Count > 0)
            {
                Entries.Insert(fresh);
            }

            var offset = updates.Max(u => u.Id) + 1;
            db.Lite.GetCollection("_meta").Upsert(new BsonDocument { ["_id"] = OffsetKey, ["value"] = offset });
            return fresh;
        });
    }

    public int? ReadOffset() => db.Lite.GetCollection("_meta").FindById(OffsetKey)?["value"].AsInt32;

    public IReadOnlyList<InboxEntry> Pending() => Entries.Find(e => !e.Done).OrderBy(e => e.Id).ToList();

    /// <summary>Marks an update handled; committed with whatever else the writer has queued.</summary>
    public Task MarkDoneAsync(InboxEntry entry, string? error)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return db.WriteAsync(() =>
        {
            // The entry in hand is the stored document (only this processor changes it): no need to read it back.
            entry.Done = true;
            entry.Error = error;
            entry.Json = "";
            Entries.Update(entry);
        });
    }

    public int Purge(DateTime olderThanUtc) => Entries.DeleteMany(e => e.Done && e.ReceivedAt < olderThanUtc);

    public static Update Deserialize(InboxEntry entry) =>
        System.Text.Json.JsonSerializer.Deserialize<Update>(entry?.Json ?? "", JsonBotAPI.Options) ?? throw new InvalidDataException("empty update");

    /// <summary>Updates of one user are handled in order; this is the key they are serialised on.</summary>
    public static long ChatKeyOf(Update update) => update switch
    {
        { Message: { } m } => m.Chat.Id,
        { CallbackQuery: { } q } => q.From.Id,
        { PollAnswer: { User: { } u } } => u.Id,
        { MyChatMember: { } c } => c.Chat.Id,
        _ => 0,
    };
}
