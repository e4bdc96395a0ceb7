namespace Directive920Bot.Delivery;

public enum CampaignStatus
{
    /// <summary>Waiting for its (next) occurrence.</summary>
    Scheduled,
    /// <summary>A one-shot campaign whose only occurrence was expanded; its rows are being or have been sent.</summary>
    Expanded,
    Cancelled,
    /// <summary>Created while <c>Console:CampaignApproval</c> is on: nothing is sent until a second bloc admin approves it.</summary>
    AwaitingApproval,
}
