using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Directive920Bot.Benchmarks;

/// <summary>
/// In-process (no generated project to rebuild: on the shared 2-core machine that build alone timed out) and
/// monitoring strategy: each invocation is a whole operation of a second or more, measured a few times.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddJob(Job.Default
            // 30 minutes, not the default 5: on the loaded shared machine one expansion or dispatcher run (warm-up, 5 iterations and
            // their clean-ups) passed 5 minutes and BenchmarkDotNet ended the run before its summary (2026-12-07).
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5));
    }
}
