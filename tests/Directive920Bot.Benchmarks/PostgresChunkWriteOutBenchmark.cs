using BenchmarkDotNet.Attributes;
using Directive920Bot.Delivery;

namespace Directive920Bot.Benchmarks;

/// <summary>
/// On PostgreSQL (<c>D920_BENCH_STORAGE=Postgres</c>), where instances claim rows from the table, the materialiser
/// writes a large expansion's chunks out as ledger rows in the background: this measures that for one 100,000-person
/// occurrence (99 chunks). The embedded store writes a chunk's rows as they are claimed instead, so there is nothing
/// to measure on it and the set-up says so.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class PostgresChunkWriteOutBenchmark
{
    private BenchmarkHost host = null!;

    [GlobalSetup]
    public void Setup()
    {
        host = BenchmarkHost.StartAsync(new Dictionary<string, string?>(), start: false).GetAwaiter().GetResult();
        if (host.Get<DeliveryLedger>().HoldsChunkRows)
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new NotSupportedException("the embedded store writes a chunk's rows when they are claimed, not at once: run with D920_BENCH_STORAGE=Postgres");
        }

        host.Seed(ExpandOccurrenceBenchmark.Subscribers, addUsers: false);
    }

    [IterationSetup]
    public void Expand() => ExpandOccurrenceBenchmark.Expand(host);

    [Benchmark(Description = "Write out the chunks of one 100,000-person occurrence as ledger rows (PostgreSQL)")]
    public int Write_out_the_chunks_of_one_100000_person_occurrence() => ExpandOccurrenceBenchmark.WriteOut(host.Get<DeliveryLedger>());

    [IterationCleanup]
    public void CheckWrittenOut()
    {
        var rows = ExpandOccurrenceBenchmark.LedgerRows(host);
        if (rows != ExpandOccurrenceBenchmark.Subscribers)
        {
            throw new InvalidOperationException($"{rows} rows written out, expected {ExpandOccurrenceBenchmark.Subscribers}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ResidentSet.Print(nameof(PostgresChunkWriteOutBenchmark));
        host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
