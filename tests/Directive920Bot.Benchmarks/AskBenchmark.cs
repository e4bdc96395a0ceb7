using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Directive920Bot.Content;
using Directive920Bot.Questions;

namespace Directive920Bot.Benchmarks;

/// <summary>
/// Goal (issue 14 §5): "ask the notice" answers a question in ≤ 50 ms in-process. One operation is one question of the
/// test question set (on-topic and off-topic, Vietnamese and English) against the index of the shipped content; the
/// index is built once, as the service builds it at start.
/// </summary>
[Config(typeof(AskConfig))]
[MemoryDiagnoser]
public class AskBenchmark
{
    private NoticeIndex index = null!;
    private IReadOnlyList<AskCase> cases = [];

    [GlobalSetup]
    public void Setup()
    {
        index = NoticeIndex.Build(ContentLoader.Load(Path.Combine(BenchmarkHost.RepoRoot(), "content")).Catalog!);
        cases = AskCase.Read(Path.Combine(BenchmarkHost.RepoRoot(), "tests", "Directive920Bot.Tests", "Questions", "ask-questions.tsv"));
    }

    [GlobalCleanup]
    public void Cleanup() => index.Dispose();

    [Benchmark(OperationsPerInvoke = 103)]
    public int Answer_one_question()
    {
        var found = 0;
        for (var i = 0; i < 103; i++)
        {
            found += index.Ask(cases[i % cases.Count].Question).Passages.Count;
        }

        return found;
    }

    /// <summary>In-process like the others, but the default (pilot + many iterations) strategy: an operation is short.</summary>
    private sealed class AskConfig : ManualConfig
    {
        public AskConfig() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
    }
}
