using Directive920Bot.Delivery;

namespace Directive920Bot.Storage.Postgres.Delivery;

/// <summary>
/// Delivery's sections on PostgreSQL: campaigns, the ledger (its own bulk insert, a binary COPY per batch), its chunks as
/// chunks, and the rows those chunks hold — counted as the ledger reads them, so a chunk that lost members shows.
/// </summary>
internal static class PgDeliveryCopy
{
    public static IEnumerable<PgCopySection> Sections(IServiceProvider services, PostgresStorage db)
    {
        var campaigns = (PgCampaigns)services.GetRequiredService<ICampaigns>();
        var ledger = (PgDeliveryLedger)services.GetRequiredService<IDeliveryLedgerStore>();
        yield return PgCopySection.Table<Campaign>(db, "campaigns", campaigns.Insert);
        yield return PgCopySection.Batched<DeliveryRow>(db, "deliveries", ledger.Insert);
        yield return PgCopySection.Table<DeliveryChunk>(db, "delivery_chunks", ledger.InsertChunk);
        yield return new PgCopySection(StoreSections.ChunkHeldRows, (_, _) => { },
            () => db.One<long>("SELECT coalesce(sum(jsonb_array_length(members)), 0) FROM delivery_chunks"));
        var tracks = (PgTrackPositions)services.GetRequiredService<ITrackPositions>();
        yield return PgCopySection.Table<TrackPosition>(db, "track_positions", tracks.Save);
        var drafts = (PgBroadcastDrafts)services.GetRequiredService<IBroadcastDrafts>();
        yield return PgCopySection.Table<BroadcastDraft>(db, "broadcast_drafts", drafts.Save);
    }
}
