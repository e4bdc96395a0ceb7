namespace Directive920Bot.Delivery;

// The seams between the delivery engine and the features around it (engagement, reports, the sandbox).
// The engine owns the ledger and the dispatcher; others enqueue rows, decorate messages and observe outcomes.

public enum DeliveryState
{
    Pending,
    /// <summary>Handed to the dispatcher; a crash leaves it here and the start-up reconciliation resolves it.</summary>
    Sending,
    Sent,
    Failed,
    /// <summary>403 blocked/deactivated or 400 chat not found: never retried.</summary>
    Blocked,
    /// <summary>Not sent on purpose (outside the grace window, unsubscribed, cancelled…); the reason is in LastError.</summary>
    Skipped,
}
