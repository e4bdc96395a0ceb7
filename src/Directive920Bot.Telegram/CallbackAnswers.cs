using System.Collections.Concurrent;
using Directive920Bot.Channels;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Telegram;

/// <summary>
/// Answers every callback query exactly once and in time. A press is watched from the moment it is accepted; if its
/// handler has not answered within <see cref="TelegramOptions.CallbackAnswerDeadline"/> (it may wait behind the
/// presser's earlier messages, or behind a busy database), it is answered empty so the button stops spinning before
/// Telegram's deadline, and the handler's later answer is skipped. answerCallbackQuery never passes the send gate, so
/// no queued broadcast or reply delays it.
/// </summary>
public sealed class CallbackAnswers : IDisposable
{
    private readonly ConcurrentDictionary<string, ITimer> watched = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> answeredByDeadline = new(StringComparer.Ordinal);
    private readonly Messenger messenger;
    private readonly TimeProvider transport;
    private readonly TimeSpan deadline;
    private readonly ILogger<CallbackAnswers> log;

    public CallbackAnswers(Messenger messenger, IOptions<TelegramOptions> options, [FromKeyedServices(Hosting.Clocks.Transport)] TimeProvider transport, ILogger<CallbackAnswers> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.messenger = messenger;
        this.transport = transport;
        this.log = log;
        deadline = options.Value.CallbackAnswerDeadline;
    }

    /// <summary>Presses answered empty because their handler was late (diagnostics and tests).</summary>
    public long AnsweredByDeadline { get; private set; }

    /// <summary>Starts the deadline of a press as it is accepted.</summary>
    public void Watch(string queryId)
    {
        var timer = transport.CreateTimer(_ => Expire(queryId), null, deadline, Timeout.InfiniteTimeSpan);
        if (!watched.TryAdd(queryId, timer))
        {
            timer.Dispose();
        }
    }

    /// <summary>The handler's answer; skipped when the deadline already answered the press.</summary>
    public Task AnswerAsync(string queryId, CallbackReply reply)
    {
        if (watched.TryRemove(queryId, out var timer))
        {
            timer.Dispose();
        }
        else if (answeredByDeadline.TryRemove(queryId, out _))
        {
            log.LogDebug("Callback {QueryId} was already answered at its deadline", queryId);
            return Task.CompletedTask;
        }

        return messenger.AnswerButtonAsync(queryId, reply, CancellationToken.None);
    }

    public void Dispose()
    {
        foreach (var (_, timer) in watched)
        {
            timer.Dispose();
        }

        watched.Clear();
    }

    private void Expire(string queryId)
    {
        if (!watched.TryRemove(queryId, out var timer))
        {
            return;
        }

        timer.Dispose();
        if (answeredByDeadline.Count > 100_000)
        {
            // Entries whose handler never came (a crash, a stop) would otherwise pile up.
            answeredByDeadline.Clear();
        }

        answeredByDeadline.TryAdd(queryId, 0);
        AnsweredByDeadline++;
        log.LogInformation("Callback {QueryId} answered at its deadline; its handler is still busy", queryId);
        _ = messenger.AnswerButtonAsync(queryId, CallbackReply.Silent, CancellationToken.None);
    }
}
