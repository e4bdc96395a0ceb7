using Directive920Bot.Storage;

namespace Directive920Bot.Delivery;

/// <summary>The campaigns, as stored; what they mean and when they expand is <see cref="CampaignService"/>'s.</summary>
public interface ICampaigns
{
    /// <summary>Bumped after every write, so that readers who keep campaign settings in memory know to read again.</summary>
    long Version { get; }

    Campaign? Find(string id);

    /// <summary>The campaigns among <paramref name="ids"/> that exist, in no particular order (a report names many at once).</summary>
    IReadOnlyList<Campaign> FindMany(IReadOnlyCollection<string> ids);

    /// <summary>Every campaign, newest first.</summary>
    IReadOnlyList<Campaign> All();

    /// <summary>Scheduled campaigns whose next occurrence is at or before <paramref name="now"/>, earliest first.</summary>
    IReadOnlyList<Campaign> Due(DateTime now);

    /// <summary>The earliest next occurrence of any scheduled campaign, or null.</summary>
    DateTime? NextOccurrence();

    void Insert(ITransaction tx, Campaign campaign);

    void Update(ITransaction tx, Campaign campaign);
}
