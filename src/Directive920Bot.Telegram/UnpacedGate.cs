using Directive920Bot.Channels;

namespace Directive920Bot.Telegram;

/// <summary>No pacing; used only until a real gate is registered.</summary>
internal sealed class UnpacedGate : IOutboundGate
{
    public ValueTask WaitAsync(long chatId, SendPriority priority, CancellationToken ct) => ValueTask.CompletedTask;

    public void Penalize(long? chatId, TimeSpan retryAfter)
    {
    }
}
