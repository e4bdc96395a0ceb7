using Directive920Bot.Hosting;

namespace Directive920Bot.Delivery;

/// <summary>
/// Looks after the chunks of large expansions in the background. On the embedded store their rows are written when the
/// dispatcher claims them (<see cref="DeliveryLedger.HoldsChunkRows"/>): this writes a chunk's skipped rows and deletes
/// it once none of its rows is held. On a shared store it writes each chunk out as ledger rows, one chunk per
/// transaction, as soon as it is committed (and, after a restart, whatever chunks are left).
/// </summary>
public sealed class ChunkMaterialiser(DeliveryLedger ledger, [FromKeyedServices(Clocks.Transport)] TimeProvider transport, ILogger<ChunkMaterialiser> log) : BackgroundService
{
    // A missed signal (a chunk committed by the CLI in another process, say) is picked up by this poll.
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var signal = ledger.ChunksSignal;
                if (ledger.HoldsChunkRows)
                {
                    var settled = await ledger.SettleChunksAsync();
                    if (settled > 0)
                    {
                        log.LogInformation("{Count} delivery chunks done with (every row claimed or skipped) and deleted", settled);
                    }
                }
                else
                {
                    var written = 0;
                    while (!stoppingToken.IsCancellationRequested && await ledger.MaterialiseNextAsync())
                    {
                        written++;
                    }

                    if (written > 0)
                    {
                        log.LogInformation("{Count} delivery chunks written out as ledger rows", written);
                    }
                }

                await Task.WhenAny(signal, Task.Delay(Poll, transport, stoppingToken));
                stoppingToken.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The chunk stays in the ledger and is tried again; nothing is lost. Whatever the store throws (its own
                // failures are the provider's types, unknown here), one failed chunk must not stop the host.
                log.LogError(ex, "Writing out a delivery chunk failed; retrying after {Delay}", Poll);
                await Task.Delay(Poll, transport, stoppingToken);
            }
        }
    }
}
