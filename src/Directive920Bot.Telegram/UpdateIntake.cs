using Telegram.Bot.Types;

namespace Directive920Bot.Telegram;

/// <summary>
/// The one way in for updates, whichever way they came (getUpdates or a webhook POST): stored in the durable inbox
/// (a redelivered update_id is dropped there), then handed to the processor. Both modes share it so that they share
/// every rule the inbox pipeline applies.
/// </summary>
public sealed class UpdateIntake(UpdateInbox inbox, UpdateProcessor processor)
{
    /// <summary>Returns once the updates are committed to the inbox; handling runs after.</summary>
    public async Task ReceiveAsync(IReadOnlyList<Update> updates) => processor.Enqueue(await inbox.AcceptAsync(updates));
}
