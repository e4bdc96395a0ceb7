using Directive920Bot.Hosting;
using Npgsql;

namespace Directive920Bot.Storage.Postgres;

/// <summary>
/// <see cref="IChangeFeed"/> on PostgreSQL. An announcement is <c>pg_notify('d920_changes', '&lt;topic&gt;|&lt;instance&gt;')</c>
/// run just before the writing transaction commits: PostgreSQL delivers a notification only if its transaction commits,
/// and only after, so a listener that drops its cache and reads again reads the change. One dedicated connection per
/// instance listens; when it is lost every subscriber is told that something may have changed (announcements made
/// meanwhile are gone) and the connection is opened again with a back-off. An instance ignores its own announcements:
/// its caches already follow its own writes.
/// </summary>
internal sealed class PgChangeFeed(PostgresStorage db, [FromKeyedServices(Clocks.Transport)] TimeProvider transport, ILogger<PgChangeFeed> log)
    : BackgroundService, IChangeFeed
{
    /// <summary>The notification channel every instance listens on.</summary>
    public const string Channel = "d920_changes";

    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(30);

    private readonly string origin = Guid.NewGuid().ToString("N");
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<Action>> subscribers = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long heard;

    public bool SingleWriter => false;

    /// <summary>Completes once the listening connection first listens (tests wait for it before announcing).</summary>
    public Task Listening => listening.Task;

    /// <summary>Announcements of other instances heard so far.</summary>
    public long Heard => Interlocked.Read(ref heard);

    public void Announce(ITransaction tx, string topic)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentException.ThrowIfNullOrEmpty(topic);
        // Once per transaction and topic, however many writes of the topic it holds.
        tx.BeforeCommit((typeof(PgChangeFeed), topic), t =>
            db.Execute(t, "SELECT pg_notify(@channel, @payload)", new { channel = Channel, payload = topic + "|" + origin }));
    }

    public IDisposable Subscribe(string topic, Action changed)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(changed);
        lock (gate)
        {
            if (!subscribers.TryGetValue(topic, out var list))
            {
                subscribers[topic] = list = [];
            }

            list.Add(changed);
        }

        return new Subscription(this, topic, changed);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backOff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await db.Source.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await using (var listen = new NpgsqlCommand("LISTEN " + Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever was announced before this connection listened is unknown: every cache starts again.
                ChangedAll();
                listening.TrySetResult();
                backOff = TimeSpan.FromSeconds(1);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or System.IO.IOException)
            {
                log.LogWarning("The change feed lost its PostgreSQL connection ({Error}); listening again in {BackOff}", ex.Message, backOff);
                ChangedAll();
                try
                {
                    await Task.Delay(backOff, transport, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backOff = TimeSpan.FromTicks(Math.Min(backOff.Ticks * 2, MaxBackOff.Ticks));
            }
        }
    }

    private void OnNotification(string payload)
    {
        var bar = payload.LastIndexOf('|');
        if (bar < 0 || payload.AsSpan(bar + 1).SequenceEqual(origin))
        {
            return;
        }

        Interlocked.Increment(ref heard);
        Run(Handlers(payload[..bar]));
    }

    private void ChangedAll()
    {
        List<Action> all;
        lock (gate)
        {
            all = [.. subscribers.Values.SelectMany(l => l)];
        }

        Run(all);
    }

    private List<Action> Handlers(string topic)
    {
        lock (gate)
        {
            return subscribers.TryGetValue(topic, out var list) ? [.. list] : [];
        }
    }

    private void Run(List<Action> handlers)
    {
        foreach (var handler in handlers)
        {
            try
            {
                handler();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One subscriber's failure must not keep the others' caches stale.
                log.LogError(ex, "A change-feed subscriber failed");
            }
        }
    }

    private void Unsubscribe(string topic, Action changed)
    {
        lock (gate)
        {
            if (subscribers.TryGetValue(topic, out var list))
            {
                list.Remove(changed);
            }
        }
    }

    private sealed class Subscription(PgChangeFeed feed, string topic, Action changed) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(topic, changed);
    }
}
