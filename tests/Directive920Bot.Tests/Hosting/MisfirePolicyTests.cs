using Directive920Bot.Tests.Infrastructure;
using Quartz;

namespace Directive920Bot.Tests.Hosting;

/// <summary>
/// Every trigger the features schedule states what happens when the service was down at its fire time (issue 19):
/// with a persistent, clustered store a restart meets old fire times, and the scheduler's "smart" default is a choice
/// nobody made.
/// </summary>
public sealed class MisfirePolicyTests
{
    [Fact]
    public async Task Every_scheduled_trigger_states_its_misfire_policy()
    {
        await using var bot = await BotHarness.StartAsync();
        var scheduler = await bot.Get<ISchedulerFactory>().GetScheduler();

        var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup());
        Assert.NotEmpty(keys);
        var unstated = new List<string>();
        foreach (var key in keys)
        {
            var trigger = await scheduler.GetTrigger(key);
            if (trigger is not null && trigger.MisfireInstructionCode == (int)SimpleTriggerMisfireInstruction.SmartPolicy)
            {
                unstated.Add(key.ToString());
            }
        }

        Assert.Empty(unstated);
    }
}
