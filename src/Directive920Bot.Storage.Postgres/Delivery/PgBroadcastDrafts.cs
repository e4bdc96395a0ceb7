using Directive920Bot.Delivery;

namespace Directive920Bot.Storage.Postgres.Delivery;

/// <summary>The /broadcast drafts: one row per admin, the draft as jsonb.</summary>
internal sealed class PgBroadcastDrafts(PostgresStorage db) : IBroadcastDrafts
{
    public BroadcastDraft? Find(long adminId) =>
        Json.Read<BroadcastDraft>(db.One<string>("SELECT doc::text FROM broadcast_drafts WHERE admin_id = @adminId", new { adminId }));

    public void Save(ITransaction tx, BroadcastDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        db.Execute(tx, "INSERT INTO broadcast_drafts (admin_id, doc) VALUES (@Id, @doc::jsonb) ON CONFLICT (admin_id) DO UPDATE SET doc = excluded.doc",
            new { draft.Id, doc = Json.Write(draft) });
    }

    public bool Delete(ITransaction tx, long adminId) => db.Execute(tx, "DELETE FROM broadcast_drafts WHERE admin_id = @adminId", new { adminId }) > 0;
}
