using System.Globalization;
using System.Text.RegularExpressions;
using Directive920Bot.Delivery;
using Directive920Bot.Tests.Delivery;
using Directive920Bot.Hosting;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Directive920Bot.Tests.Hosting;

public sealed class TwoClocksTests
{
    [Fact]
    public async Task The_scheduler_wakes_on_the_transport_clock_and_every_trigger_is_anchored_to_it()
    {
        // The business clock is pinned years away from any real date: the scheduler must not care.
        var started = TimeProvider.System.GetUtcNow();
        await using var bot = await BotHarness.StartAsync(start: BotHarness.DefaultStart.AddYears(7));
        var transport = bot.Services.GetRequiredKeyedService<TimeProvider>(Clocks.Transport);
        var scheduler = await bot.Get<ISchedulerFactory>().GetScheduler();

        Assert.Same(transport, scheduler.TimeProvider);
        var triggers = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup());
        Assert.NotEmpty(triggers);
        foreach (var key in triggers)
        {
            var next = (await scheduler.GetTrigger(key))!.NextFireTimeUtc;
            Assert.True(next is { } at && at > started - TimeSpan.FromMinutes(5) && at < transport.GetUtcNow() + TimeSpan.FromHours(2),
                $"{key} next fires at {next:O}; transport now {transport.GetUtcNow():O}, business now {bot.Clock.GetUtcNow():O}");
        }
    }

    [Fact]
    public async Task The_business_and_transport_clocks_are_two_registrations_and_features_get_the_business_one()
    {
        await using var bot = await BotHarness.StartAsync();

        Assert.Same(bot.Clock, bot.Services.GetRequiredKeyedService<TimeProvider>(Clocks.Business));
        Assert.NotSame(bot.Clock, bot.Services.GetRequiredKeyedService<TimeProvider>(Clocks.Transport));
        Assert.Same(bot.Clock, bot.Get<BotClock>().Time);
        // Libraries that ask for the unkeyed clock (Quartz) get the transport one.
        Assert.Same(bot.Services.GetRequiredKeyedService<TimeProvider>(Clocks.Transport), bot.Get<TimeProvider>());
    }

    [Fact]
    public async Task A_campaign_the_cli_creates_now_is_due_now_on_the_service_business_clock()
    {
        // Three years before whatever the real date is: a CLI on the system clock would plan it years in the future.
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings(), start: BotHarness.DefaultStart.AddYears(-3));
        bot.Seed(1201, "SNV-VP");
        await bot.StopHostAsync();

        using var output = new StringWriter();
        Assert.Equal(0, await bot.RunCliAsync(output, "campaign", "create", "--text", "Họp chi bộ", "--all", "--database", bot.DatabasePath));
        Assert.Equal(bot.Clock.GetUtcNow(), FirstOccurrence(output.ToString()), TimeSpan.FromSeconds(1));

        await bot.StartHostAsync();
        await bot.DrainAsync(CampaignId(output.ToString()));
        Assert.Equal("Họp chi bộ", bot.BotMessages(1201).Single().Text);
    }

    [Fact]
    public async Task The_cli_reads_a_sandbox_database_on_the_sandbox_clock_kept_beside_it()
    {
        var folder = Directory.CreateTempSubdirectory("d920-cli-clock");
        try
        {
            var database = Path.Combine(folder.FullName, "sandbox.db");
            var ahead = TimeSpan.FromDays(400);
            await File.WriteAllTextAsync(SandboxClock.PathFor(database), ahead.Ticks.ToString(CultureInfo.InvariantCulture));
            using var output = new StringWriter();
            var transport = TimeProvider.System;

            var code = await Cli.RunAsync(["campaign", "create", "--text", "Họp chi bộ", "--all", "--database", database],
                new CliContext(output, Business: null, Transport: transport, b => b.AddStoreProvider()));

            Assert.True(code == 0, output.ToString());
            Assert.Equal(transport.GetUtcNow() + ahead, FirstOccurrence(output.ToString()), TimeSpan.FromMinutes(1));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string CampaignId(string output) => output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2].TrimEnd(';');

    /// <summary>"Created campaign 1a2b; first occurrence 2026-12-01 01:00:00Z."</summary>
    private static DateTimeOffset FirstOccurrence(string output)
    {
        var match = Regex.Match(output, @"first occurrence (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z)");
        Assert.True(match.Success, output);
        return DateTimeOffset.ParseExact(match.Groups[1].Value, "u", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }
}
