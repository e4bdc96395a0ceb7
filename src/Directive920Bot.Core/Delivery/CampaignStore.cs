using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Delivery;

public sealed class CampaignStore(Database db)
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

    internal ILiteCollection<Campaign> Campaigns => db.Collection<Campaign>(CollectionName);

    public Campaign? Find(string id) => Campaigns.FindById(id);

    public IReadOnlyList<Campaign> All() => Campaigns.FindAll().OrderByDescending(c => c.CreatedAt).ToList();

    /// <summary>Scheduled campaigns whose next occurrence is at or before <paramref name="now"/>.</summary>
    public IReadOnlyList<Campaign> Due(DateTime now) =>
        Campaigns.Find(BsonExpression.Create("$.Status = @0 AND $.NextOccurrenceAt <= @1", nameof(CampaignStatus.Scheduled), now))
            .OrderBy(c => c.NextOccurrenceAt).ToList();

    public DateTime? NextOccurrence() =>
        Campaigns.Find(Query.EQ(nameof(Campaign.Status), nameof(CampaignStatus.Scheduled)))
            .Where(c => c.NextOccurrenceAt is not null).Min(c => c.NextOccurrenceAt);

    private long version;

    /// <summary>Bumped after every write, so that readers who keep campaign settings in memory know to read again.</summary>
    public long Version => Interlocked.Read(ref version);

    internal void Insert(Campaign campaign)
    {
        Campaigns.Insert(campaign);
        Interlocked.Increment(ref version);
    }

    internal void Update(Campaign campaign)
    {
        Campaigns.Update(campaign);
        Interlocked.Increment(ref version);
    }
}
