namespace Directive920Bot.Engagement;

/// <summary>A campaign's own choices; the delivery engine's campaigns are adapted to this at composition.</summary>
public interface ICampaignEngagementSource
{
    /// <summary>Null fields keep the curriculum's value.</summary>
    CampaignEngagement? Find(string campaignId);
}
