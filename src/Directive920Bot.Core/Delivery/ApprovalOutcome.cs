namespace Directive920Bot.Delivery;

/// <summary>What <see cref="CampaignService.Approve"/> did; only <see cref="Approved"/> changed anything.</summary>
public enum ApprovalOutcome
{
    Approved,
    NotFound,
    /// <summary>Not waiting for approval (already approved, cancelled, or approval was off when it was created).</summary>
    NotWaiting,
    /// <summary>The creator may not approve their own campaign.</summary>
    OwnCampaign,
    /// <summary>Only a bloc admin approves.</summary>
    NotBlocAdmin,
}
