using Microsoft.Extensions.Time.Testing;

namespace Directive920Bot.Reliability.Infrastructure;

/// <summary>
/// Moves a fake transport clock on in small steps while a test runs, so that retry_after waits of seconds pass in
/// milliseconds. Every wait of the service and every timestamp of the emulator is on this clock, so the test's
/// assertions (nothing sent during a penalty) hold in transport time whatever the machine's speed.
/// </summary>
public sealed class ClockPump : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public ClockPump(FakeTimeProvider clock, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(clock);
        loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                clock.Advance(step);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(5), stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}
