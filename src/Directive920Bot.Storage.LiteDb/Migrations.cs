using Directive920Bot.Channels;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>Schema version document and the ordered migration steps applied at start.</summary>
public static class Migrations
{
    public const int CurrentVersion = 10;
    private const string MetaCollection = "_meta";

    private static readonly SortedDictionary<int, Action<ILiteDatabase>> Steps = new()
    {
        // v1: the first schema; collections and indexes are created by each feature's IStoreSchema.
        [1] = _ => { },
        // v2: the ledger's ItemId index served no query; every ledger write paid for it.
        [2] = db => db.GetCollection("deliveries").DropIndex("ItemId"),
        // v3: acknowledgements are found by item through Subject; two indexes fewer to write per acknowledgement.
        [3] = db =>
        {
            db.GetCollection("eng_acks").DropIndex("ItemId");
            db.GetCollection("eng_acks").DropIndex("DeliveryId");
        },
        // v4: the inbox keeps one document per received batch instead of one per update marked done one by one.
        [4] = InboxToBatches,
        // v5: no query reads acknowledgements by unit any more (pending lists look a delivery's up by id).
        [5] = db => db.GetCollection("eng_acks").DropIndex("UnitCode"),
        // v6: the subscriber and roster stores keep their members per unit as counts, written with each change, which
        // reports read instead of counting people: count what is stored once, and drop the expression indexes the
        // reports counted through (every write of a person or roster entry paid for them).
        [6] = db =>
        {
            SubscriberCollections.RebuildCounts(db);
            RosterCollections.RebuildCounts(db);
            db.GetCollection(SubscriberCollections.Subscribers).DropIndex("report_unit_status");
            db.GetCollection(RosterCollections.Roster).DropIndex("report_current_unit");
        },
        // v7: persons have ids of our own and channel addresses map to them; every subscriber so far was a Telegram user
        // whose id is their person id, so the directory gets telegram:<id> → <id> for each and their data keeps its ids.
        [7] = Channels.PersonCollections.MapExistingSubscribers,
        // v8: the members per unit are also counted by the channels they use (Telegram only, Zalo only, both).
        [8] = SubscriberCollections.RebuildCounts,
        // v10: a person is reached through their channel addresses alone; the Telegram-era ChatId copy leaves the
        // subscriber documents (see SubscriberCollections.DropChatIds for why ledger rows keep theirs).
        [10] = SubscriberCollections.DropChatIds,
    };

    /// <summary>
    /// Moves the updates a version-3 inbox had not finished into one batch of the new inbox, remembers the stored
    /// update ids as seen (a redelivered one is still refused) and drops the old collection with the handled updates.
    /// </summary>
    private static void InboxToBatches(ILiteDatabase db)
    {
        const string Legacy = "inbox";
        if (!db.CollectionExists(Legacy))
        {
            return;
        }

        var old = db.GetCollection(Legacy);
        var pending = old.Find("$.Done = false").OrderBy(d => d["_id"].AsInt32).ToList();
        if (pending.Count > 0)
        {
            db.GetCollection("inbox_batches").Insert(new BsonDocument
            {
                ["_id"] = 1L,
                ["ReceivedAt"] = pending.Min(d => d["ReceivedAt"].AsDateTime),
                ["Updates"] = new BsonArray(pending.Select(d => new BsonDocument
                {
                    ["_id"] = d["_id"],
                    ["Json"] = d["Json"],
                    ["ChatKey"] = d["ChatKey"],
                    ["ReceivedAt"] = d["ReceivedAt"],
                })),
            });
        }

        var ranges = new List<SeenRange>();
        var last = 0;
        foreach (var doc in old.Query().OrderBy("_id").Select("{_id: $._id, at: $.ReceivedAt}").ToEnumerable())
        {
            last = doc["_id"].AsInt32;
            SeenRanges.Remember(ranges, last, doc["at"].AsDateTime);
        }

        var meta = db.GetCollection(MetaCollection);
        var offset = meta.FindById(InboxCursorDocument.KeyFor("telegram"))?["value"].AsInt32 ?? (last == 0 ? 0 : last + 1);
        meta.Upsert(InboxCursorDocument.For("telegram", new InboxCursor(offset, SeenRanges.Newest(ranges))));
    }

    /// <summary>Work that LiteDB refuses inside a transaction (dropping a collection); run after the steps, at every start, so it is never skipped.</summary>
    private static void CleanUp(ILiteDatabase db)
    {
        // Left by step 4 once its unfinished updates moved to the batches.
        if (ReadVersion(db) >= 4 && db.CollectionExists("inbox"))
        {
            db.DropCollection("inbox");
        }
    }

    /// <param name="zone">The bot's zone (<c>Bot:TimeZone</c>), whose local days the report day counters of step 9 are
    /// counted in; null: Vietnam's, the default.</param>
    public static int Run(ILiteDatabase db, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var reportZone = zone ?? DefaultZone();
        var steps = new SortedDictionary<int, Action<ILiteDatabase>>(Steps)
        {
            // v9: the console's weekly trend reads per-unit, per-day counters instead of the ledger; count what is stored.
            [9] = d => Reports.ReportDaysBackfill.Run(d, reportZone),
        };
        var meta = db.GetCollection(MetaCollection);
        var doc = meta.FindById("schema");
        var version = doc?["version"].AsInt32 ?? 0;
        if (version > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The database schema is version {version}, newer than this program's {CurrentVersion}. Use a newer release.");
        }

        foreach (var (target, step) in steps.Where(s => s.Key > version))
        {
            db.BeginTrans();
            step(db);
            meta.Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = target });
            db.Commit();
            version = target;
        }

        CleanUp(db);
        return version;
    }

    private static TimeZoneInfo DefaultZone()
    {
        Hosting.BotClock.TryResolveZone(null, out var zone);
        return zone;
    }

    public static int ReadVersion(ILiteDatabase db) =>
        db?.GetCollection(MetaCollection).FindById("schema")?["version"].AsInt32 ?? 0;
}
