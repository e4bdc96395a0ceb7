using BenchmarkDotNet.Attributes;
using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Registration;

namespace Directive920Bot.Benchmarks;

/// <summary>
/// Goal: with the emulator's limits off and pacing lifted, the dispatcher's own bookkeeping (claim, compose, send
/// through Messenger and the gate, record the outcome) sustains ≥ 1,000 messages/s on 2 cores. Time is per message.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class DispatcherThroughputBenchmark
{
    public const int Messages = 5_000;
    private BenchmarkHost host = null!;

    [Params(16)]
    public int MaxConcurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        host = BenchmarkHost.StartAsync(BenchmarkHost.PacingLifted(MaxConcurrency), start: true).GetAwaiter().GetResult();
        host.Seed(Messages, addUsers: true);
    }

    [Benchmark(Description = "Dispatch 5,000 messages (per message)", OperationsPerInvoke = Messages)]
    public async Task Dispatch_5000_messages()
    {
        var dispatcher = host.Get<DeliveryDispatcher>();
        var target = dispatcher.SentCount + Messages;
        host.Get<CampaignService>().Create(new CampaignRequest(null, "Thông báo.", new AudienceRequest(All: true)), Actor.Console("bench"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (dispatcher.SentCount < target)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"sent {dispatcher.SentCount} of {target}");
            }

            await Task.Delay(1);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => host.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
