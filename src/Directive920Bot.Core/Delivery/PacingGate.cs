using Directive920Bot.Channels;
using Directive920Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Delivery;

/// <summary>
/// The real <see cref="IOutboundGate"/>: a token bucket for the bot (global rate), spacing per chat, and penalties
/// after 429 (for one chat, or for the whole bot). Interactive waiters are released before broadcast ones, but at most
/// <see cref="DeliveryOptions.RepliesAheadOfBroadcast"/> in a row while a broadcast is ready; both draw from the same
/// bucket, and replies to one chat keep the per-chat spacing too (<see cref="DeliveryOptions.ReplyPerChatInterval"/>).
/// One pump task releases waiters in order, so a penalty set by <see cref="Penalize"/> holds back every later release.
/// </summary>
public sealed class PacingGate : IOutboundGate, IDisposable
{
    // Sends are timed at release, requests are counted at arrival; a little slack absorbs the jitter between the two.
    private static readonly TimeSpan PerChatSlack = TimeSpan.FromMilliseconds(100);
    private const int MaxTrackedChats = 10_000;

    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly LinkedList<Waiter> interactive = new();
    private readonly LinkedList<Waiter> broadcast = new();
    private readonly Dictionary<long, ChatPace> chats = [];
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationToken stopping;
    private readonly double rate;
    private readonly double capacity;
    private readonly TimeSpan perChat;
    private readonly TimeSpan replyPerChat;
    private readonly TimeSpan chatSpacing;
    private readonly int repliesAhead;
    private int replyStreak;
    private double tokens;
    private DateTimeOffset refilledAt;
    private DateTimeOffset globalPenaltyUntil = DateTimeOffset.MinValue;
    private TaskCompletionSource wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? pump;
    private int disposed;

    /// <param name="time">The transport clock: sends are paced in real time while tests pin the business clock.</param>
    public PacingGate([FromKeyedServices(Clocks.Transport)] TimeProvider time, IOptions<DeliveryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        this.time = time;
        stopping = stop.Token;
        rate = options.Value.EffectiveRate;
        PaidBroadcast = options.Value.AllowPaidBroadcast;
        // At Telegram-like rates a burst of one keeps any sliding second under the cap; high rates get 20 ms of burst.
        capacity = Math.Max(1, rate / 50);
        tokens = 1;
        perChat = options.Value.PerChatInterval > TimeSpan.Zero ? options.Value.PerChatInterval + PerChatSlack : TimeSpan.Zero;
        replyPerChat = options.Value.ReplyPerChatInterval > TimeSpan.Zero ? options.Value.ReplyPerChatInterval + PerChatSlack : TimeSpan.Zero;
        // One timeline per chat: after any send, the chat waits the longer of the two spacings (Telegram counts both).
        chatSpacing = perChat > replyPerChat ? perChat : replyPerChat;
        repliesAhead = Math.Max(1, options.Value.RepliesAheadOfBroadcast);
        refilledAt = time.GetUtcNow();
    }

    /// <summary>Delivery:AllowPaidBroadcast: the rate is the paid one and broadcast sends say so to Telegram.</summary>
    public bool PaidBroadcast { get; }

    /// <summary>Releases so far (for diagnostics and tests).</summary>
    public long Released { get; private set; }

    public ValueTask WaitAsync(long chatId, SendPriority priority, CancellationToken ct)
    {
        var waiter = new Waiter(chatId);
        lock (gate)
        {
            waiter.Node = (priority == SendPriority.Interactive ? interactive : broadcast).AddLast(waiter);
            pump ??= Task.Run(PumpAsync, CancellationToken.None);
        }

        if (ct.CanBeCanceled)
        {
            waiter.Registration = ct.Register(() =>
            {
                lock (gate)
                {
                    if (waiter.Node?.List is { } list)
                    {
                        list.Remove(waiter.Node);
                    }
                }

                waiter.Completion.TrySetCanceled(ct);
            });
        }

        Wake();
        return new ValueTask(waiter.Completion.Task);
    }

    public void Penalize(long? chatId, TimeSpan retryAfter)
    {
        var until = time.GetUtcNow() + retryAfter;
        lock (gate)
        {
            if (chatId is { } id)
            {
                var pace = Pace(id);
                pace.PenaltyUntil = Max(pace.PenaltyUntil, until);
            }
            else
            {
                globalPenaltyUntil = Max(globalPenaltyUntil, until);
            }
        }

        Wake();
    }

    public void Dispose()
    {
        // Registered both as itself and as IOutboundGate, so the container may dispose it twice.
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            stop.Cancel();
            stop.Dispose();
        }
    }

    private async Task PumpAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Task wakeTask;
            TimeSpan? delay;
            lock (gate)
            {
                wakeTask = wake.Task;
                delay = ReleaseReady();
            }

            try
            {
                if (delay is { } d)
                {
                    await Task.WhenAny(wakeTask, Task.Delay(d, time, stopping));
                }
                else
                {
                    await wakeTask.WaitAsync(stopping);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Releases every waiter that may go now; returns how long until the next might (null: nobody waits).</summary>
    private TimeSpan? ReleaseReady()
    {
        while (true)
        {
            if (interactive.Count == 0 && broadcast.Count == 0)
            {
                return null;
            }

            var now = time.GetUtcNow();
            if (now < globalPenaltyUntil)
            {
                return globalPenaltyUntil - now;
            }

            tokens = Math.Min(capacity, tokens + ((now - refilledAt).TotalSeconds * rate));
            refilledAt = now;
            if (tokens < 1)
            {
                return TimeSpan.FromSeconds((1 - tokens) / rate);
            }

            var soonest = TimeSpan.MaxValue;
            // Replies go first, but not forever: after a streak of them a ready broadcast gets its turn (fair share).
            var reply = FirstReady(interactive, now, spaced: replyPerChat > TimeSpan.Zero, ref soonest);
            var next = reply is not null && replyStreak < repliesAhead
                ? reply
                : FirstReady(broadcast, now, spaced: true, ref soonest) ?? reply;
            if (next is null)
            {
                return soonest;
            }

            replyStreak = ReferenceEquals(next, reply) && broadcast.Count > 0 ? replyStreak + 1 : 0;
            next.Node!.List!.Remove(next.Node);
            tokens -= 1;
            if (chatSpacing > TimeSpan.Zero)
            {
                Pace(next.ChatId).NextAt = now + chatSpacing;
            }

            Released++;
            next.Registration.Dispose();
            next.Completion.TrySetResult();
            if (chats.Count > MaxTrackedChats)
            {
                Prune(now);
            }
        }
    }

    private Waiter? FirstReady(LinkedList<Waiter> list, DateTimeOffset now, bool spaced, ref TimeSpan soonest)
    {
        for (var node = list.First; node is not null; node = node.Next)
        {
            if (!chats.TryGetValue(node.Value.ChatId, out var pace))
            {
                return node.Value;
            }

            var at = spaced ? Max(pace.NextAt, pace.PenaltyUntil) : pace.PenaltyUntil;
            if (at <= now)
            {
                return node.Value;
            }

            soonest = at - now < soonest ? at - now : soonest;
        }

        return null;
    }

    private ChatPace Pace(long chatId)
    {
        if (!chats.TryGetValue(chatId, out var pace))
        {
            pace = new ChatPace();
            chats[chatId] = pace;
        }

        return pace;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (id, pace) in chats.Where(c => c.Value.NextAt <= now && c.Value.PenaltyUntil <= now).ToList())
        {
            chats.Remove(id);
        }
    }

    private void Wake()
    {
        TaskCompletionSource old;
        lock (gate)
        {
            old = wake;
            wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        old.TrySetResult();
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class Waiter(long chatId)
    {
        public long ChatId { get; } = chatId;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }
    }

    private sealed class ChatPace
    {
        public DateTimeOffset NextAt { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset PenaltyUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
