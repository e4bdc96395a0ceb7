using Telegram.Bot.Types;

namespace Directive920Bot.Telegram;

/// <summary>
/// The one way in for updates, whichever way they came (getUpdates or a webhook POST): stored in the durable inbox
/// (a redelivered update_id is dropped there) by the processor, after its per-person limit and in-flight bound. Both modes share it so that they share
/// every rule the inbox pipeline applies.
/// </summary>
public sealed class UpdateIntake(UpdateProcessor processor)
{
    /// <summary>
    /// Returns once the updates are committed to the inbox; handling runs after. Waits while the handlers are behind
    /// (the processor's in-flight bound), so neither the poller nor a webhook request piles up updates in memory.
    /// </summary>
    public Task ReceiveAsync(IReadOnlyList<Update> updates, CancellationToken ct = default) => processor.AcceptAsync(updates, ct);
}
