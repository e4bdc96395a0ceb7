using LiteDB;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>
/// The collections of the subscriber store, and the recount of its members per unit that migration step 6 and the store
/// itself run (the engine's migrations cannot reach the provider's store; both move there together).
/// </summary>
public static class SubscriberCollections
{
    public const string Subscribers = "subscribers";

    public const string Erased = "subscribers_erased";

    /// <summary>Registered subscribers per unit and status, kept with every save and erasure.</summary>
    public const string Counts = "subscriber_counts";

    /// <summary>The count field of every registered subscriber; the others are named after the status.</summary>
    public const string RegisteredField = "Registered";

    /// <summary>The count field of the channels a registered subscriber uses: <c>ch.Telegram</c>, <c>ch.Zalo</c>, <c>ch.Both</c>.</summary>
    public static string ChannelField(global::Directive920Bot.Registration.ChannelUse use) => "ch." + use;

    /// <summary>
    /// Removes the stored <c>ChatId</c> copy from every subscriber document (migration step 10), in the caller's
    /// transaction. Subscribers are bounded by the head count and are read whole on every audience and lookup, so the
    /// pass is short and keeps what is read smaller. Ledger rows, chunk members (<c>C</c>) and acknowledgement watches
    /// keep the field they were written with: the mapper ignores it, no query or index names it, each is written anew
    /// without it when it changes, and rewriting millions of historical rows at start would cost what writing them did
    /// (about 60 KB allocated per row with the ledger's indexes) for bytes that retention removes anyway. It is never
    /// personal data beyond the person id the same document holds (a chat id was always the person's own id).
    /// </summary>
    public static void DropChatIds(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var subscribers = database.GetCollection(Subscribers);
        var ids = subscribers.Query().Where("$.ChatId != null").Select("{_id: $._id}").ToEnumerable().Select(d => d["_id"]).ToList();
        foreach (var id in ids)
        {
            var doc = subscribers.FindById(id);
            if (doc is not null && doc.Remove("ChatId"))
            {
                subscribers.Update(doc);
            }
        }
    }

    /// <summary>Counts the subscribers again and replaces the kept counts; runs inside the caller's transaction.</summary>
    public static void RebuildCounts(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var counted = database.GetCollection(Subscribers).Query()
            .Where("$.RegisteredAt != null AND $.UnitCode != null")
            .Select("{u: $.UnitCode, s: $.Status, c: $.Channels, id: $._id}")
            .ToEnumerable()
            .SelectMany(d => new[]
            {
                (d["u"].AsString, RegisteredField),
                (d["u"].AsString, d["s"].AsString),
                (d["u"].AsString, ChannelField(global::Directive920Bot.Registration.ChannelUses.Effective(StoredUse(d["c"]), d["id"].AsInt64))),
            });
        CountTable.Rebuild(database, Counts, counted);
    }

    // Written by the mapper as the enum's name; a record older than the field has none.
    private static global::Directive920Bot.Registration.ChannelUse StoredUse(BsonValue value) =>
        value.IsString && Enum.TryParse<global::Directive920Bot.Registration.ChannelUse>(value.AsString, out var use) ? use
        : value.IsInt32 ? (global::Directive920Bot.Registration.ChannelUse)value.AsInt32
        : global::Directive920Bot.Registration.ChannelUse.None;
}
