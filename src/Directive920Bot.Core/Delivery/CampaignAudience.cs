namespace Directive920Bot.Delivery;

/// <summary>Who a campaign goes to. Empty means nobody; <see cref="All"/> means every registered subscriber.</summary>
public sealed class CampaignAudience
{
    public bool All { get; set; }

    public List<string> Units { get; set; } = [];

    public bool IncludeSubUnits { get; set; } = true;

    /// <summary>"leader" and/or "staff"; empty = both.</summary>
    public List<string> Roles { get; set; } = [];

    public List<long> SubscriberIds { get; set; } = [];

    /// <summary>Only people whose roster entry says đảng viên (party members), e.g. for a party-cell meeting notice.</summary>
    public bool PartyMembersOnly { get; set; }
}
