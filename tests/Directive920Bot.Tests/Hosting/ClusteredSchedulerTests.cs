using System.Collections.Concurrent;
using Directive920Bot.Hosting;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;

namespace Directive920Bot.Tests.Hosting;

/// <summary>
/// Quartz's clustered store on one PostgreSQL database with two schedulers (issue 19), each set up by
/// <see cref="ClusteredScheduler.Configure"/> exactly as the service sets up its own, in a host of its own as two
/// processes would run them: a schedule fires once per fire time in total, and the two instance ids differ.
/// </summary>
public sealed class ClusteredSchedulerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    // Per test run (the database name), every execution: which instance ran which fire time.
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<(string Instance, DateTimeOffset FireTime)>> Runs = new(StringComparer.Ordinal);

    private static async Task<IHost> InstanceAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddQuartz(q => ClusteredScheduler.Configure(q, connectionString, TimeSpan.FromSeconds(1)));
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<IScheduler> SchedulerOf(IHost host) => await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not seen within {Bound}: {what}");
            await Task.Delay(50);
        }
    }

    [SkippableFact]
    public async Task Two_clustered_schedulers_fire_each_fire_time_of_a_schedule_once_in_total_under_different_instance_ids()
    {
        var name = "quartz_" + Guid.NewGuid().ToString("N");
        var database = PostgresCluster.CreateDatabase(name);
        var runs = Runs.GetOrAdd(name, _ => new());
        using var a = await InstanceAsync(database);
        using var b = await InstanceAsync(database);
        var schedulerA = await SchedulerOf(a);
        var schedulerB = await SchedulerOf(b);

        var idA = await schedulerA.GetSchedulerInstanceId();
        var idB = await schedulerB.GetSchedulerInstanceId();
        Assert.NotEqual(idA, idB);
        Assert.NotEqual("NON_CLUSTERED", idA);
        Assert.Equal(schedulerA.SchedulerName, schedulerB.SchedulerName);
        // Both instances check in under their own id: each sees the other alive.
        await Eventually(async () =>
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var query = new NpgsqlCommand("SELECT instance_name FROM qrtz_scheduler_state", connection);
            var names = new List<string>();
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }

            return names.Contains(idA) && names.Contains(idB);
        }, "both instances in qrtz_scheduler_state");

        // Six fire times a second apart, starting two seconds from now; scheduled once, through instance A.
        const int fireTimes = 6;
        var job = JobBuilder.Create<RecordingJob>().WithIdentity("recording", name).UsingJobData("run", name).Build();
        var trigger = TriggerBuilder.Create().WithIdentity("recording", name)
            .StartAt(DateTimeOffset.UtcNow.AddSeconds(2))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(1)).WithRepeatCount(fireTimes - 1).WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await schedulerA.ScheduleJob(job, trigger);

        // The trigger is gone from the shared store once its last fire time was claimed; its runs are then recorded.
        await Eventually(async () => await schedulerB.GetTrigger(trigger.Key) is null, "the trigger completed");
        await Eventually(() => Task.FromResult(runs.Count >= fireTimes), $"{fireTimes} runs");
        await schedulerA.Standby();
        await schedulerB.Standby();

        var all = runs.ToList();
        Assert.Equal(fireTimes, all.Count);
        Assert.Equal(fireTimes, all.Select(r => r.FireTime).Distinct().Count());
        Assert.All(all, r => Assert.Contains(r.Instance, new[] { idA, idB }));
    }

    [Fact]
    public void Every_generated_instance_id_is_new_and_fits_quartz_s_column()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => UniqueInstanceIdGenerator.Create()).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.InRange(id.Length, 1, 200));
        Assert.All(ids, id => Assert.StartsWith(Environment.MachineName[..Math.Min(100, Environment.MachineName.Length)] + "-" + Environment.ProcessId + "-", id, StringComparison.Ordinal));
    }

    /// <summary>Records each run with its instance and its scheduled fire time.</summary>
    public sealed class RecordingJob : IJob
    {
        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(context);
            var run = context.MergedJobDataMap.GetString("run")!;
            var instance = await context.Scheduler.GetSchedulerInstanceId(cancellationToken);
            Runs.GetOrAdd(run, _ => new()).Enqueue((instance, context.ScheduledFireTimeUtc ?? context.FireTimeUtc));
        }
    }
}
