using Directive920Bot.Delivery;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Delivery;

/// <summary>The drip-track positions, in collection <c>tracks</c>, keyed by the subscriber id.</summary>
internal sealed class LiteDbTrackPositions(Database db) : ITrackPositions
{
    public const string CollectionName = "tracks";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        database.GetCollection<TrackPosition>(CollectionName).EnsureIndex(t => t.Completed);
        mapper.ToDocument(new TrackPosition());
    });

    private ILiteCollection<TrackPosition> Positions => db.Collection<TrackPosition>(CollectionName);

    public TrackPosition? Find(long subscriberId) => Positions.FindById(subscriberId);

    public void Save(ITransaction tx, TrackPosition position)
    {
        ArgumentNullException.ThrowIfNull(tx);
        Positions.Upsert(position);
    }

    public void Delete(ITransaction tx, long subscriberId)
    {
        ArgumentNullException.ThrowIfNull(tx);
        Positions.Delete(subscriberId);
    }
}
