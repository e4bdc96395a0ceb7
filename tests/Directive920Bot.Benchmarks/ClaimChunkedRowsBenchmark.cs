using BenchmarkDotNet.Attributes;
using Directive920Bot.Delivery;

namespace Directive920Bot.Benchmarks;

/// <summary>
/// The ledger's side of sending a 100,000-person occurrence: every row claimed (marked sending), 500 a transaction, as
/// fast as the ledger allows (the dispatcher claims at the send rate, ~30 a second). On the embedded store this is where
/// the rows a chunk holds are written, one insert each, instead of the background write-out of all 99,000 at once
/// (issue 13); compare it with that write-out plus the claims of the rows it wrote. Its own process and resident-set
/// print: at full speed it allocates what the sends of an hour allocate.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class ClaimChunkedRowsBenchmark
{
    // Later than any due time the expansion gives (the next open office hour): every row is due.
    private static readonly DateTime Everything = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private BenchmarkHost host = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Not started: no materialiser or dispatcher runs behind the measurement.
        host = BenchmarkHost.StartAsync(new Dictionary<string, string?>(), start: false).GetAwaiter().GetResult();
        host.Seed(ExpandOccurrenceBenchmark.Subscribers, addUsers: false);
    }

    [IterationSetup]
    public void Expand()
    {
        ExpandOccurrenceBenchmark.Expand(host);
        var ledger = host.Get<DeliveryLedger>();
        if (!ledger.HoldsChunkRows)
        {
            ExpandOccurrenceBenchmark.WriteOut(ledger);
        }
    }

    [Benchmark(Description = "Claim every row of one 100,000-person occurrence, 500 a transaction")]
    public int Claim_every_row_of_one_100000_person_occurrence()
    {
        var ledger = host.Get<DeliveryLedger>();
        var claimed = 0;
        while (ledger.ClaimDueAsync(Everything, 500).GetAwaiter().GetResult() is { Count: > 0 } rows)
        {
            claimed += rows.Count;
        }

        return claimed == ExpandOccurrenceBenchmark.Subscribers ? claimed : throw new InvalidOperationException($"claimed {claimed} rows of {ExpandOccurrenceBenchmark.Subscribers}");
    }

    [IterationCleanup]
    public void CheckClaimed()
    {
        // Every row is stored once it was claimed; no chunk holds one any more.
        var rows = ExpandOccurrenceBenchmark.LedgerRows(host);
        var held = host.Get<DeliveryLedger>().ChunkedRows();
        if (rows != ExpandOccurrenceBenchmark.Subscribers || held != 0)
        {
            throw new InvalidOperationException($"{rows} rows stored and {held} held after claiming all {ExpandOccurrenceBenchmark.Subscribers}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ResidentSet.Print(nameof(ClaimChunkedRowsBenchmark));
        host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
