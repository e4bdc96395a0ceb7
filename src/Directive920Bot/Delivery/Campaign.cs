using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Delivery;

public enum CampaignStatus
{
    /// <summary>Waiting for its (next) occurrence.</summary>
    Scheduled,
    /// <summary>A one-shot campaign whose only occurrence was expanded; its rows are being or have been sent.</summary>
    Expanded,
    Cancelled,
}

/// <summary>Who a campaign goes to. Empty means nobody; <see cref="All"/> means every registered subscriber.</summary>
public sealed class CampaignAudience
{
    public bool All { get; set; }

    public List<string> Units { get; set; } = [];

    public bool IncludeSubUnits { get; set; } = true;

    /// <summary>"leader" and/or "staff"; empty = both.</summary>
    public List<string> Roles { get; set; } = [];

    public List<long> SubscriberIds { get; set; } = [];
}

/// <summary>Engagement reads these from the campaign: reminders after N working hours, at most Max of them.</summary>
public sealed class CampaignReminders
{
    public int? AfterWorkingHours { get; set; }

    public int? Max { get; set; }
}

/// <summary>Something to send to an audience at a time (once or on a cron rule), in each cadre's language.</summary>
public sealed class Campaign
{
    public string Id { get; set; } = "";

    /// <summary>A content item (lesson, card, announcement) — or null when <see cref="Text"/> is set.</summary>
    public string? LessonId { get; set; }

    /// <summary>Free announcement text (Markdown as in content/), rendered to <see cref="Html"/> at creation.</summary>
    public string? Text { get; set; }

    public string? Html { get; set; }

    public bool RequireAck { get; set; }

    public CampaignAudience Audience { get; set; } = new();

    /// <summary>UTC; the first occurrence (null when created = now, or for a cron rule without a start).</summary>
    public DateTime? SendAt { get; set; }

    /// <summary>Quartz cron expression in Bot:TimeZone for a recurring campaign.</summary>
    public string? Cron { get; set; }

    /// <summary>"inline" or "poll"; null = the curriculum's quiz mode.</summary>
    public string? QuizMode { get; set; }

    public CampaignReminders? Reminders { get; set; }

    /// <summary>"Acknowledge after understanding": the button unlocks only once the lesson's quiz is answered; null = the curriculum's choice.</summary>
    public bool? RequireQuizBeforeAck { get; set; }

    public int Priority { get; set; }

    public CampaignStatus Status { get; set; }

    /// <summary>UTC instant of the next occurrence to expand; null when none is left.</summary>
    public DateTime? NextOccurrenceAt { get; set; }

    /// <summary>Occurrences expanded (or recorded as missed) so far; the next one is number <c>Occurrences + 1</c>.</summary>
    public int Occurrences { get; set; }

    public DateTime? LastOccurrenceAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? CancelledAt { get; set; }

    public string? CancelledBy { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DeliveryKind Kind => LessonId is null ? DeliveryKind.Announcement : DeliveryKind.Lesson;

    public static string OccurrenceId(string campaignId, int number) => $"c:{campaignId}:{number}";
}

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
