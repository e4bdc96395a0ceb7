using Directive920Bot.Delivery;

namespace Directive920Bot.Engagement;

/// <summary>Reads a delivery campaign's quiz mode, quiz gate and reminder overrides.</summary>
internal sealed class DeliveryCampaignEngagementSource(CampaignService campaigns) : ICampaignEngagementSource
{
    public CampaignEngagement? Find(string campaignId)
    {
        var campaign = campaigns.Find(campaignId);
        return campaign is null ? null : new CampaignEngagement(campaign.QuizMode, campaign.RequireQuizBeforeAck, campaign.Reminders?.AfterWorkingHours, campaign.Reminders?.Max);
    }
}
