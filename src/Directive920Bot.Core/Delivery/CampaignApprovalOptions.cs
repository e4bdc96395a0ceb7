namespace Directive920Bot.Delivery;

/// <summary>
/// <c>Console:CampaignApproval</c>: when true, every new campaign (console, bot, API, CLI alike) waits in “Chờ duyệt”
/// until a bloc admin other than its creator approves it. Read by <see cref="CampaignService"/>, the one place the rule lives.
/// </summary>
public sealed class CampaignApprovalOptions
{
    public const string Section = "Console";

    public bool CampaignApproval { get; set; }
}
