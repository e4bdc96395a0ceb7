namespace Directive920Bot.Channels;

/// <summary>
/// Paces every send of the process so that interactive replies and broadcasts share one budget below the channel's
/// limits. The delivery engine provides the real gate and the channel adapter waits on it before every request.
/// </summary>
public interface IOutboundGate
{
    /// <summary>Waits until a send to <paramref name="chatId"/> may go out now.</summary>
    ValueTask WaitAsync(long chatId, SendPriority priority, CancellationToken ct);

    /// <summary>The channel answered 429: nothing goes to that scope (the chat, or the whole bot) until the pause ends.</summary>
    void Penalize(long? chatId, TimeSpan retryAfter);

    /// <summary>Broadcast sends carry <c>allow_paid_broadcast</c> (the bot pays Stars for up to 1000 messages per second).</summary>
    bool PaidBroadcast => false;
}
