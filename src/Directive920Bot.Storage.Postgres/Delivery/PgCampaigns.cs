using Directive920Bot.Delivery;

namespace Directive920Bot.Storage.Postgres.Delivery;

/// <summary>
/// The campaigns: status, next occurrence and creation time as columns (the tick's query uses a partial index), the
/// campaign as jsonb. <see cref="Version"/> counts this instance's writes only: another instance's edit is seen by the
/// next read, not announced (multi-instance invalidation is a later part of #19).
/// </summary>
internal sealed class PgCampaigns(PostgresStorage db) : ICampaigns
{
    private long version;

    public long Version => Interlocked.Read(ref version);

    public Campaign? Find(string id) => Json.Read<Campaign>(db.One<string>("SELECT doc::text FROM campaigns WHERE id = @id", new { id }));

    public IReadOnlyList<Campaign> All() => Many("SELECT doc::text FROM campaigns ORDER BY created_at DESC, id", null);

    public IReadOnlyList<Campaign> Due(DateTime now) =>
        Many("SELECT doc::text FROM campaigns WHERE status = 'Scheduled' AND next_occurrence_at <= @now ORDER BY next_occurrence_at, id", new { now });

    public DateTime? NextOccurrence() => db.One<DateTime?>("SELECT min(next_occurrence_at) FROM campaigns WHERE status = 'Scheduled'");

    public void Insert(ITransaction tx, Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        db.Execute(tx, "INSERT INTO campaigns (id, status, next_occurrence_at, created_at, doc) VALUES (@Id, @status, @NextOccurrenceAt, @CreatedAt, @doc::jsonb)", Parameters(campaign));
        Changed(tx);
    }

    public void Update(ITransaction tx, Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        db.Execute(tx, "UPDATE campaigns SET status = @status, next_occurrence_at = @NextOccurrenceAt, created_at = @CreatedAt, doc = @doc::jsonb WHERE id = @Id", Parameters(campaign));
        Changed(tx);
    }

    private List<Campaign> Many(string sql, object? param) => [.. db.Query<string>(sql, param).Select(doc => Json.Read<Campaign>(doc)!)];

    private static object Parameters(Campaign campaign) =>
        new { campaign.Id, status = campaign.Status.ToString(), campaign.NextOccurrenceAt, campaign.CreatedAt, doc = Json.Write(campaign) };

    // As the embedded store: bumped at the write and again once it commits, so a reader of the old settings reads again.
    private void Changed(ITransaction tx)
    {
        Interlocked.Increment(ref version);
        tx.AfterCommit(() => Interlocked.Increment(ref version));
    }
}
