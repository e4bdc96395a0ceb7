using System.Collections.Concurrent;
using Directive920Bot.Channels;
using Directive920Bot.Delivery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Directive920Bot.Tests.Delivery;

public sealed class PacingGateTests
{
    private static (PacingGate Gate, FakeTimeProvider Time) Create(double rate = 10)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
        var gate = new PacingGate(time, Options.Create(new DeliveryOptions { MessagesPerSecond = rate, PerChatInterval = TimeSpan.FromSeconds(1) }));
        return (gate, time);
    }

    /// <summary>Advances the pacing clock in small steps until <paramref name="done"/> completes (the pump sets its timers asynchronously).</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Task done, TimeSpan step, int maxSteps = 500)
    {
        for (var i = 0; i < maxSteps && !done.IsCompleted; i++)
        {
            time.Advance(step);
            await Task.WhenAny(done, Task.Delay(5));
        }

        await done.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task An_interactive_reply_is_released_before_broadcasts_that_were_waiting_longer()
    {
        var (gate, time) = Create();
        using var _ = gate;
        await gate.WaitAsync(1, SendPriority.Broadcast, CancellationToken.None); // spends the only token
        var order = new ConcurrentQueue<string>();
        var broadcasts = new[] { 2L, 3, 4 }.Select(chat => Track(gate.WaitAsync(chat, SendPriority.Broadcast, CancellationToken.None), "b" + chat, order)).ToList();
        var reply = Track(gate.WaitAsync(5, SendPriority.Interactive, CancellationToken.None), "reply", order);

        await AdvanceUntilAsync(time, Task.WhenAll(broadcasts.Append(reply)), TimeSpan.FromMilliseconds(20));
        Assert.Equal(["reply", "b2", "b3", "b4"], order.ToArray());
    }

    [Fact]
    public async Task After_a_penalty_nothing_is_released_before_retry_after_has_passed()
    {
        var (gate, time) = Create(rate: 1000);
        using var _ = gate;
        var start = time.GetUtcNow();
        gate.Penalize(null, TimeSpan.FromSeconds(2));
        DateTimeOffset? releasedAt = null;
        var waiter = gate.WaitAsync(7, SendPriority.Interactive, CancellationToken.None).AsTask().ContinueWith(_ => releasedAt = time.GetUtcNow(), TaskScheduler.Default);

        await AdvanceUntilAsync(time, waiter, TimeSpan.FromMilliseconds(100));
        Assert.True(releasedAt >= start + TimeSpan.FromSeconds(2), $"released at {releasedAt - start}");
    }

    [Fact]
    public async Task Broadcasts_to_one_chat_are_spaced_by_the_per_chat_interval()
    {
        var (gate, time) = Create(rate: 1000);
        using var _ = gate;
        var start = time.GetUtcNow();
        await gate.WaitAsync(9, SendPriority.Broadcast, CancellationToken.None);
        DateTimeOffset? secondAt = null;
        var second = gate.WaitAsync(9, SendPriority.Broadcast, CancellationToken.None).AsTask().ContinueWith(_ => secondAt = time.GetUtcNow(), TaskScheduler.Default);

        await AdvanceUntilAsync(time, second, TimeSpan.FromMilliseconds(50));
        Assert.True(secondAt >= start + TimeSpan.FromSeconds(1), $"second send after {secondAt - start}");
    }

    private static Task Track(ValueTask wait, string name, ConcurrentQueue<string> order) =>
        wait.AsTask().ContinueWith(_ => order.Enqueue(name), TaskScheduler.Default);
}
