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
    public IReadOnlyList<InboxEntry> Accept(IReadOnlyList<Update> updates) => AcceptAsync(updates).GetAwaiter().GetResult();

    /// <inheritdoc cref="Accept"/>
    public Task<IReadOnlyList<InboxEntry>> AcceptAsync(IReadOnlyList<Update> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<InboxEntry>>([]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        return db.WriteAsync<IReadOnlyList<InboxEntry>>(() =>
        {
            var fresh = new List<InboxEntry>(updates.Count);
            foreach (var update in updates)
            {
                if (Entries.FindById(update.Id) is not null)
                {
                    continue;
                }

                var entry = new InboxEntry
                {
                    Id = update.Id,
                    Json = System.Text.Json.JsonSerializer.Serialize(update, JsonBotAPI.Options),
                    ChatKey = ChatKeyOf(update),
                    ReceivedAt = now,
                };
                Entries.Insert(entry);
                fresh.Add(entry);
            }

            var offset = updates.Max(u => u.Id) + 1;
            db.Lite.GetCollection("_meta").Upsert(new BsonDocument { ["_id"] = OffsetKey, ["value"] = offset });
            return fresh;
        });
    }

    public int? ReadOffset() => db.Lite.GetCollection("_meta").FindById(OffsetKey)?["value"].AsInt32;

    public IReadOnlyList<InboxEntry> Pending() => Entries.Find(e => !e.Done).OrderBy(e => e.Id).ToList();

    /// <summary>Marks an update handled; committed with whatever else the writer has queued.</summary>
    public Task MarkDoneAsync(int id, string? error) => db.WriteAsync(() => MarkDone(id, error));

    public void MarkDone(int id, string? error)
    {
        var entry = Entries.FindById(id);
        if (entry is null)
        {
            return;
        }

        entry.Done = true;
        entry.Error = error;
        // The JSON is no longer needed once handled; keeping the id is enough to drop a redelivery.
        entry.Json = "";
        Entries.Update(entry);
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
