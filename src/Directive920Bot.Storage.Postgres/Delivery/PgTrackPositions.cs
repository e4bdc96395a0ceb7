using Directive920Bot.Delivery;

namespace Directive920Bot.Storage.Postgres.Delivery;

/// <summary>The drip-track positions: one row per subscriber, the position as jsonb.</summary>
internal sealed class PgTrackPositions(PostgresStorage db) : ITrackPositions
{
    public TrackPosition? Find(long subscriberId) =>
        Json.Read<TrackPosition>(db.One<string>("SELECT doc::text FROM track_positions WHERE subscriber_id = @subscriberId", new { subscriberId }));

    public void Save(ITransaction tx, TrackPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        db.Execute(tx, """
            INSERT INTO track_positions (subscriber_id, completed, doc) VALUES (@Id, @Completed, @doc::jsonb)
            ON CONFLICT (subscriber_id) DO UPDATE SET completed = excluded.completed, doc = excluded.doc
            """, new { position.Id, position.Completed, doc = Json.Write(position) });
    }

    public void Delete(ITransaction tx, long subscriberId) => db.Execute(tx, "DELETE FROM track_positions WHERE subscriber_id = @subscriberId", new { subscriberId });
}
