using Directive920Bot.Delivery;

namespace Directive920Bot.Engagement;

/// <summary>Reads a delivery campaign's quiz mode, quiz gate and reminder overrides.</summary>
/// <remarks>Every acknowledgement and quiz answer asks for its campaign's settings; they are kept in memory until a campaign
/// is written again (the store's version changes), so a press costs no campaign read.</remarks>
internal sealed class DeliveryCampaignEngagementSource(CampaignService campaigns, ICampaigns store) : ICampaignEngagementSource
{
    private Cache cache = new(-1, new());

    public CampaignEngagement? Find(string campaignId)
    {
        var version = store.Version;
        var current = Volatile.Read(ref cache);
        if (current.Version != version)
        {
            current = new Cache(version, new());
            Volatile.Write(ref cache, current);
        }

        return current.Settings.GetOrAdd(campaignId, id =>
        {
            var campaign = campaigns.Find(id);
            return campaign is null ? null : new CampaignEngagement(campaign.QuizMode, campaign.RequireQuizBeforeAck, campaign.Reminders?.AfterWorkingHours, campaign.Reminders?.Max);
        });
    }

    private sealed record Cache(long Version, System.Collections.Concurrent.ConcurrentDictionary<string, CampaignEngagement?> Settings);
}
