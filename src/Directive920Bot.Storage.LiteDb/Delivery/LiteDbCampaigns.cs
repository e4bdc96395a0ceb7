using Directive920Bot.Delivery;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Delivery;

/// <summary>The campaigns, in collection <c>campaigns</c>.</summary>
internal sealed class LiteDbCampaigns(Database db) : ICampaigns
{
    public const string CollectionName = "campaigns";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var campaigns = database.GetCollection<Campaign>(CollectionName);
        campaigns.EnsureIndex(c => c.Status);
        campaigns.EnsureIndex(c => c.NextOccurrenceAt);
        campaigns.EnsureIndex(c => c.CreatedAt);
        mapper.ToDocument(new Campaign { Reminders = new CampaignReminders() });
    });

    private long version;

    public long Version => Interlocked.Read(ref version);

    private ILiteCollection<Campaign> Campaigns => db.Collection<Campaign>(CollectionName);

    public Campaign? Find(string id) => Campaigns.FindById(id);

    public IReadOnlyList<Campaign> FindMany(IReadOnlyCollection<string> ids) =>
        [.. (ids ?? throw new ArgumentNullException(nameof(ids))).Distinct(StringComparer.Ordinal).Select(id => Campaigns.FindById(id)).OfType<Campaign>()];

    public IReadOnlyList<Campaign> All() => Campaigns.FindAll().OrderByDescending(c => c.CreatedAt).ToList();

    public IReadOnlyList<Campaign> Due(DateTime now) =>
        Campaigns.Find(BsonExpression.Create("$.Status = @0 AND $.NextOccurrenceAt <= @1", nameof(CampaignStatus.Scheduled), now))
            .OrderBy(c => c.NextOccurrenceAt).ToList();

    public DateTime? NextOccurrence() =>
        Campaigns.Find(Query.EQ(nameof(Campaign.Status), nameof(CampaignStatus.Scheduled)))
            .Where(c => c.NextOccurrenceAt is not null).Min(c => c.NextOccurrenceAt);

    public void Insert(ITransaction tx, Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(tx);
        Campaigns.Insert(campaign);
        Changed(tx);
    }

    public void Update(ITransaction tx, Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(tx);
        Campaigns.Update(campaign);
        Changed(tx);
    }

    // Bumped at the write (as before the transaction was explicit) and again once it commits, so that a reader who
    // read the old settings under the first bump reads again.
    private void Changed(ITransaction tx)
    {
        Interlocked.Increment(ref version);
        tx.AfterCommit(() => Interlocked.Increment(ref version));
    }
}
