namespace Directive920Bot.Engagement;

/// <summary>What the console's unit page needs of a person's acknowledgement: whose, of what, on time or not.</summary>
public sealed record MemberAcknowledgement(long SubscriberId, string? ItemId, string? CampaignId, bool OnTime, bool Reacknowledgement);
