using Directive920Bot.Delivery;

namespace Directive920Bot.Storage.Postgres.Delivery;

/// <summary>
/// The campaigns: status, next occurrence and creation time as columns (the tick's query uses a partial index), the
/// campaign as jsonb. <see cref="Version"/> moves with this instance's writes and with every campaign write another
/// instance announces through the change feed (LISTEN/NOTIFY), so the campaign settings kept in memory
/// (<c>DeliveryCampaignEngagementSource</c>) are read again after an edit on any instance.
/// </summary>
internal sealed class PgCampaigns : ICampaigns, IDisposable
{
    /// <summary>The change-feed topic of campaign writes.</summary>
    public const string Topic = "campaigns";

    private readonly PostgresStorage db;
    private readonly IChangeFeed feed;
    private readonly IDisposable subscription;
    private long version;

    public PgCampaigns(PostgresStorage db, IChangeFeed feed)
    {
        this.db = db;
        this.feed = feed;
        subscription = feed.Subscribe(Topic, () => Interlocked.Increment(ref version));
    }

    public void Dispose() => subscription.Dispose();

    public long Version => Interlocked.Read(ref version);

    public Campaign? Find(string id) => Json.Read<Campaign>(db.One<string>("SELECT doc::text FROM campaigns WHERE id = @id", new { id }));

    // One round trip for a report's announcements, not one per item.
    public IReadOnlyList<Campaign> FindMany(IReadOnlyCollection<string> ids) =>
        Many("SELECT doc::text FROM campaigns WHERE id = ANY (@ids)", new { ids = (ids ?? throw new ArgumentNullException(nameof(ids))).ToArray() });

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
        feed.Announce(tx, Topic);
    }
}
