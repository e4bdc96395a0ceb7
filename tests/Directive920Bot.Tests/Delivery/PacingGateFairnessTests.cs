using System.Collections.Concurrent;
using Directive920Bot.Channels;
using Directive920Bot.Delivery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Directive920Bot.Tests.Delivery;

/// <summary>Issue #15 item 1: replies keep the per-chat pace and a fair share, and a chat's 429 holds that chat only.</summary>
public sealed class PacingGateFairnessTests
{
    private static (PacingGate Gate, FakeTimeProvider Time) Create(double rate = 10, TimeSpan? replyPerChat = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
        var gate = new PacingGate(time, Options.Create(new DeliveryOptions
        {
            MessagesPerSecond = rate,
            PerChatInterval = TimeSpan.FromSeconds(1),
            ReplyPerChatInterval = replyPerChat ?? TimeSpan.FromSeconds(1),
            RepliesAheadOfBroadcast = 2,
        }));
        return (gate, time);
    }

    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Task done, TimeSpan step, int maxSteps = 500)
    {
        for (var i = 0; i < maxSteps && !done.IsCompleted; i++)
        {
            time.Advance(step);
            await Task.WhenAny(done, Task.Delay(5));
        }

        await done.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static Task Track(ValueTask wait, string name, ConcurrentQueue<string> order) =>
        wait.AsTask().ContinueWith(_ => order.Enqueue(name), TaskScheduler.Default);

    [Fact]
    public async Task A_429_for_one_chat_holds_that_chat_and_lets_other_chats_go()
    {
        var (gate, time) = Create(rate: 100);
        using var _ = gate;
        gate.Penalize(1, TimeSpan.FromSeconds(30));

        var held = gate.WaitAsync(1, SendPriority.Interactive, CancellationToken.None).AsTask();
        var other = gate.WaitAsync(2, SendPriority.Interactive, CancellationToken.None).AsTask();
        await AdvanceUntilAsync(time, other, TimeSpan.FromMilliseconds(20));

        Assert.False(held.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(30));
        await AdvanceUntilAsync(time, held, TimeSpan.FromMilliseconds(20));
    }

    [Fact]
    public async Task A_429_that_names_no_chat_still_holds_every_chat()
    {
        var (gate, time) = Create(rate: 100);
        using var _ = gate;
        gate.Penalize(null, TimeSpan.FromSeconds(30));

        var waits = new[] { 1L, 2, 3 }.Select(chat => gate.WaitAsync(chat, SendPriority.Interactive, CancellationToken.None).AsTask()).ToList();
        for (var i = 0; i < 50; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(2);
        }

        Assert.All(waits, w => Assert.False(w.IsCompleted));
        time.Advance(TimeSpan.FromSeconds(6));
        await AdvanceUntilAsync(time, Task.WhenAll(waits), TimeSpan.FromMilliseconds(20));
    }

    [Fact]
    public async Task Replies_to_one_chat_keep_the_per_chat_pace()
    {
        var (gate, time) = Create(rate: 100);
        using var _ = gate;
        var released = new ConcurrentQueue<DateTimeOffset>();
        var replies = Enumerable.Range(0, 3)
            .Select(_ => gate.WaitAsync(7, SendPriority.Interactive, CancellationToken.None).AsTask().ContinueWith(_ => released.Enqueue(time.GetUtcNow()), TaskScheduler.Default))
            .ToList();

        await AdvanceUntilAsync(time, Task.WhenAll(replies), TimeSpan.FromMilliseconds(50));

        var at = released.Order().ToList();
        Assert.True(at[1] - at[0] >= TimeSpan.FromSeconds(1), $"second reply after {at[1] - at[0]}");
        Assert.True(at[2] - at[1] >= TimeSpan.FromSeconds(1), $"third reply after {at[2] - at[1]}");
    }

    [Fact]
    public async Task Replies_go_ahead_of_waiting_broadcasts_only_for_their_fair_share()
    {
        var (gate, time) = Create(rate: 10);
        using var _ = gate;
        await gate.WaitAsync(1, SendPriority.Broadcast, CancellationToken.None); // spends the only token
        var order = new ConcurrentQueue<string>();
        var waits = new[] { 2L, 3, 4 }.Select(chat => Track(gate.WaitAsync(chat, SendPriority.Broadcast, CancellationToken.None), "b" + chat, order))
            .Concat(new[] { 5L, 6, 7, 8 }.Select(chat => Track(gate.WaitAsync(chat, SendPriority.Interactive, CancellationToken.None), "r" + chat, order)))
            .ToList();

        await AdvanceUntilAsync(time, Task.WhenAll(waits), TimeSpan.FromMilliseconds(20));

        Assert.Equal(["r5", "r6", "b2", "r7", "r8", "b3", "b4"], order.ToArray());
    }
}
