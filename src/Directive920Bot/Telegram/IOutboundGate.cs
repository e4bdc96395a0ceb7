namespace Directive920Bot.Telegram;

/// <summary>
/// Paces every Bot API send of the process so that interactive replies and broadcasts share one budget
/// below Telegram's limits. The delivery engine provides the real gate.
/// </summary>
public interface IOutboundGate
{
    /// <summary>Waits until a send to <paramref name="chatId"/> may go out now.</summary>
    ValueTask WaitAsync(long chatId, SendPriority priority, CancellationToken ct);

    /// <summary>Telegram answered 429: nothing goes to that scope (the chat, or the whole bot) until the pause ends.</summary>
    void Penalize(long? chatId, TimeSpan retryAfter);

    /// <summary>Broadcast sends carry <c>allow_paid_broadcast</c> (the bot pays Stars for up to 1000 messages per second).</summary>
    bool PaidBroadcast => false;
}
