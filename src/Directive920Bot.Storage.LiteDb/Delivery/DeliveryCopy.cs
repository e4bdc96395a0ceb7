using Directive920Bot.Delivery;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Delivery;

/// <summary>
/// Delivery's sections for <c>migrate-store</c>: campaigns, the ledger's rows and its chunks (rows not yet written out,
/// copied as chunks so the materialiser goes on with them on the target), drip track positions, broadcast drafts.
/// </summary>
internal static class DeliveryCopy
{
    public static IEnumerable<StoreSection> Sections(ILiteDatabase lite)
    {
        yield return CopyCollections.Of<Campaign>(lite, "campaigns", LiteDbCampaigns.CollectionName);
        yield return CopyCollections.Of<DeliveryRow>(lite, "deliveries", LiteDbDeliveryLedger.CollectionName);
        yield return CopyCollections.Of<DeliveryChunk>(lite, "delivery_chunks", LiteDbDeliveryLedger.ChunksCollection);
        var held = lite.CollectionExists(LiteDbDeliveryLedger.ChunksCollection)
            ? lite.GetCollection<DeliveryChunk>(LiteDbDeliveryLedger.ChunksCollection).FindAll().Sum(c => (long)c.Members.Count)
            : 0;
        yield return new StoreSection(StoreSections.ChunkHeldRows, held, []);
        yield return CopyCollections.Of<TrackPosition>(lite, "track_positions", LiteDbTrackPositions.CollectionName);
        yield return CopyCollections.Of<BroadcastDraft>(lite, "broadcast_drafts", LiteDbBroadcastDrafts.CollectionName);
    }
}
