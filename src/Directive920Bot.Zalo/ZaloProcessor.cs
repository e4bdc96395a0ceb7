using System.Text.Json;
using System.Threading.Channels;
using Directive920Bot.Channels;
using Directive920Bot.Storage;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Zalo;

/// <summary>
/// The one entry point of Zalo updates (the poller's and the webhook's): stores each in the durable inbox under its
/// <c>event_name</c> + <c>message_id</c> — Zalo has no update_id and no offset, so a redelivered update is recognised
/// by that key alone and dropped — then handles it off the caller: one person's updates in order, different persons in
/// parallel (bounded). What a crash left unhandled is handled at the next start; handled keys are kept for
/// <see cref="ZaloOptions.DedupWindow"/>.
/// </summary>
public sealed class ZaloProcessor(
    ZaloRouter router,
    [FromKeyedServices(ChannelNames.Zalo)] InputThrottle throttle,
    IInboxStore inbox,
    IStorage storage,
    IOptions<ZaloOptions> options,
    [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time,
    ILogger<ZaloProcessor> log) : BackgroundService
{
    private const int MaxConcurrent = 8;
    private readonly Channel<KeyedUpdate> queue = Channel.CreateUnbounded<KeyedUpdate>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, Task> tails = new(StringComparer.Ordinal);
    private readonly Lock tailsLock = new();
    private readonly SemaphoreSlim slots = new(MaxConcurrent);
    private long handled;

    /// <summary>Updates handled since start (for tests and diagnostics).</summary>
    public long Handled => Interlocked.Read(ref handled);

    /// <summary>
    /// Stores the update (unless its key was seen before: then false, nothing else happens) and queues it. Group chats
    /// and updates without a message id are not stored, nor is a person's input beyond the per-person limit (a flood is
    /// shed, not queued: the first dropped message in a window gets the polite notice, the rest nothing).
    /// </summary>
    public async Task<bool> AcceptAsync(ZaloUpdate update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.DedupKey is not { } key || update.Message is not { Chat.ChatType: ZaloChat.Private } message)
        {
            return false;
        }

        var sender = new ChannelAddress(ChannelNames.Zalo, message.From?.Id ?? message.Chat.Id);
        if (!throttle.TryAdmit(sender))
        {
            if (throttle.ShouldNotice(sender))
            {
                await router.NoticeAsync(sender, ct);
            }

            return false;
        }

        var stored = new KeyedUpdate
        {
            Channel = ChannelNames.Zalo,
            Key = key,
            // Stored without the sender's display name: before consent nothing about a person is kept, and after it the
            // name is the one they typed. The text stays until the update is handled (MarkKeyedHandled empties it).
            Json = JsonSerializer.Serialize(update with { Message = message with { From = message.From is null ? null : message.From with { DisplayName = null } } }, ZaloJson.Options),
            ChatId = message.Chat.Id,
            ReceivedAt = time.GetUtcNow().UtcDateTime,
        };
        ct.ThrowIfCancellationRequested();
        var accepted = await storage.WriteAsync(tx => inbox.TryAcceptKeyed(tx, stored));
        if (accepted)
        {
            queue.Writer.TryWrite(stored);
        }

        return accepted;
    }

    public override void Dispose()
    {
        slots.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var forgotten = await storage.WriteAsync(tx => inbox.ForgetKeyed(tx, ChannelNames.Zalo, time.GetUtcNow().UtcDateTime - options.Value.DedupWindow));
        log.LogDebug("Forgot {Count} handled Zalo update keys", forgotten);
        foreach (var pending in inbox.PendingKeyed(ChannelNames.Zalo))
        {
            queue.Writer.TryWrite(pending);
        }

        var running = new List<Task>();
        try
        {
            await foreach (var update in queue.Reader.ReadAllAsync(stoppingToken))
            {
                lock (tailsLock)
                {
                    tails.TryGetValue(update.ChatId, out var tail);
                    var next = ChainAsync(tail ?? Task.CompletedTask, update, stoppingToken);
                    tails[update.ChatId] = next;
                    running.Add(next);
                }

                running.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running);
    }

    private async Task ChainAsync(Task previous, KeyedUpdate stored, CancellationToken ct)
    {
        await previous;
        if (ct.IsCancellationRequested)
        {
            return; // left pending: the next start handles it
        }

        await slots.WaitAsync(CancellationToken.None);
        try
        {
            var update = JsonSerializer.Deserialize<ZaloUpdate>(stored.Json, ZaloJson.Options);
            if (update is not null)
            {
                await router.RouteAsync(update, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            slots.Release();
            return;
        }
        catch (Exception ex)
        {
            // Logged, not retried: handling it again would most likely fail the same way.
            log.LogError(ex, "Zalo update {Key} failed", stored.Key);
        }

        try
        {
            await storage.WriteAsync(tx => inbox.MarkKeyedHandled(tx, ChannelNames.Zalo, stored.Key));
            Interlocked.Increment(ref handled);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Zalo update {Key} was handled but could not be marked done", stored.Key);
        }
        finally
        {
            slots.Release();
            lock (tailsLock)
            {
                if (tails.TryGetValue(stored.ChatId, out var tail) && tail.IsCompleted)
                {
                    tails.Remove(stored.ChatId);
                }
            }
        }
    }
}
