using Directive920Bot.Channels;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Channels;

/// <summary>
/// Channels' sections for <c>migrate-store</c>: the person directory and its next id, button keys, the inbox (batches
/// not yet handled, keyed updates, each channel's cursor: the target polls on from the same offset), offered choices.
/// </summary>
internal static class ChannelsCopy
{
    private const string CursorSuffix = "_offset";

    public static IEnumerable<StoreSection> Sections(ILiteDatabase lite)
    {
        var addresses = lite.CollectionExists(PersonCollections.Addresses) ? lite.GetCollection(PersonCollections.Addresses) : null;
        yield return new StoreSection("person_addresses", addresses?.LongCount() ?? 0, CopyCollections.Lazy(() => addresses?.FindAll().Select(d => new StoredAddress(
            d["_id"].AsString, d[PersonCollections.PersonField].AsInt64, d[PersonCollections.ChannelField].AsString, d[PersonCollections.PreferredField].AsBoolean)) ?? []));
        var next = lite.CollectionExists(PersonCollections.Allocation) ? lite.GetCollection(PersonCollections.Allocation).FindById("next") : null;
        yield return new StoreSection("person_ids", next is null ? 0 : 1, next is null ? [] : [new StoredValue("next", next["value"].AsInt64)]);
        yield return CopyCollections.Of<CallbackKey>(lite, "callback_keys", LiteDbCallbackKeyRecords.CollectionName);
        yield return CopyCollections.Of<StoredUpdateBatch>(lite, "inbox_batches", LiteDbInboxStore.CollectionName);
        var cursors = lite.CollectionExists("_meta")
            ? lite.GetCollection("_meta").FindAll().Where(d => d["_id"].IsString && d["_id"].AsString.EndsWith(CursorSuffix, StringComparison.Ordinal)).ToList()
            : [];
        yield return new StoreSection("inbox_cursors", cursors.Count,
            [.. cursors.Select(d => new StoredValue(d["_id"].AsString[..^CursorSuffix.Length], InboxCursorDocument.Read(d)!))]);
        yield return CopyCollections.Of<KeyedUpdate>(lite, "inbox_keyed", LiteDbInboxStore.KeyedCollectionName);
        yield return CopyCollections.Of<OfferedChoices>(lite, "offered_choices", LiteDbOfferedChoicesStore.CollectionName);
    }
}
