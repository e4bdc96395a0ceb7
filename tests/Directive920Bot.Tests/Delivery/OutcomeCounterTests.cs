using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Directive920Bot.Tests.Delivery;

/// <summary>
/// A send's outcome in the ledger and the report counter it bumps are written in one transaction: a crash, or a failed
/// commit, keeps both or neither, so the delivered counters always equal what the ledger says was sent.
/// </summary>
public sealed class OutcomeCounterTests
{
    private const string Unit = "SNV-VP";

    [Fact]
    public async Task A_kill_between_a_sends_outcome_and_its_counter_can_no_longer_leave_the_counter_short()
    {
        const long Frozen = 1301;
        var people = Enumerable.Range(1300, 8).Select(i => (long)i).ToList();
        // Told first of all the observers, after the outcome's commit: the service dies there (it never goes on for this
        // row). When the counter was written in a transaction of its own, after that commit, it was never written.
        var freeze = new FreezeAfterOutcome(Frozen);
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings(), services: s =>
        {
            s.Insert(0, ServiceDescriptor.Singleton<IDeliveryObserver>(freeze));
            // The frozen send never finishes: the stop gives up on it quickly, and no more of its work runs.
            s.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        });
        try
        {
            foreach (var id in people)
            {
                bot.Seed(id, Unit);
            }

            var campaign = bot.Announce("Trước khi tắt máy.", new AudienceRequest(SubscriberIds: people));
            await freeze.Reached.Task.WaitAsync(BotHarness.Wait);
            Assert.Equal(DeliveryState.Sent, bot.Get<DeliveryLedger>().ForCampaign(campaign.Id).Single(r => r.SubscriberId == Frozen).State);

            await bot.StopHostAsync();
            await bot.StartHostAsync();
            await bot.DrainAsync(campaign.Id);

            var sent = bot.Get<DeliveryLedger>().ForCampaign(campaign.Id).Count(r => r.State == DeliveryState.Sent);
            Assert.Equal(people.Count, sent);
            Assert.Equal(sent, Delivered(bot, campaign.Id, Unit));
            // Its outcome was committed, so it is not sent again.
            Assert.Single(bot.BotMessages(Frozen));
        }
        finally
        {
            freeze.Release.TrySetResult();
        }
    }

    [Fact]
    public async Task A_counter_write_that_fails_at_commit_takes_the_outcome_with_it_and_the_row_is_sent_again_and_counted_once()
    {
        const long Unlucky = 1311;
        var people = Enumerable.Range(1310, 6).Select(i => (long)i).ToList();
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings(), services: s =>
            s.AddSingleton<IDeliveryOutcomeRecorder>(sp => new FailingCommit(Unlucky)));
        var failing = bot.Services.GetServices<IDeliveryOutcomeRecorder>().OfType<FailingCommit>().Single();
        foreach (var id in people)
        {
            bot.Seed(id, Unit);
        }

        var campaign = bot.Announce("Ghi không thành.", new AudienceRequest(SubscriberIds: people));
        var ledger = bot.Get<DeliveryLedger>();
        DeliveryRow Row() => ledger.ForCampaign(campaign.Id).Single(r => r.SubscriberId == Unlucky);
        // The business clock stands still, so the retry (1 s later on it) waits for the test.
        await bot.Emulator.WaitUntilAsync(
            () => Row() is { State: DeliveryState.Pending, LastError: { } e } && e.Contains("injected", StringComparison.Ordinal)
                && bot.Get<CampaignService>().Progress(campaign.Id).Sent == people.Count - 1,
            BotHarness.Wait);

        // Neither: the message reached the cadre, but its outcome and its count were rolled back together.
        Assert.True(failing.Failures > 0);
        Assert.Single(bot.BotMessages(Unlucky));
        Assert.Equal(people.Count - 1, Delivered(bot, campaign.Id, Unit));

        failing.Armed = false;
        await bot.DrainAsync(campaign.Id, advanceClock: true);

        // Both: sent again (the crash policy's duplicate), recorded, and counted once.
        Assert.Equal(DeliveryState.Sent, Row().State);
        Assert.Equal(2, bot.BotMessages(Unlucky).Count);
        Assert.Equal(people.Count, ledger.ForCampaign(campaign.Id).Count(r => r.State == DeliveryState.Sent));
        Assert.Equal(people.Count, Delivered(bot, campaign.Id, Unit));
    }

    [Fact]
    public async Task After_many_sends_and_resends_the_delivered_counters_equal_the_ledgers_counts()
    {
        string[] units = ["SNV-VP", "SNV-CCVC", "STC-NS"];
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings(("Delivery:MaxConcurrency", "16")));
        var people = new List<long>();
        for (var i = 0; i < 150; i++)
        {
            var id = 1400L + i;
            bot.Seed(id, units[i % units.Length]);
            people.Add(id);
        }

        // Two whose chat is gone: their rows are not sent and count nowhere.
        var directory = bot.Get<Directive920Bot.Channels.IPersonDirectory>();
        foreach (var id in new[] { 1400L, 1401L })
        {
            bot.Get<IStorage>().Write(tx => directory.Link(tx, id, Directive920Bot.Channels.ChannelAddress.ForTelegram(999_000_000 + id)));
        }

        var campaigns = new[]
        {
            bot.Announce("Thông báo một.", new AudienceRequest(SubscriberIds: people)),
            bot.Announce("Thông báo hai.", new AudienceRequest(SubscriberIds: people)),
        };
        foreach (var campaign in campaigns)
        {
            await bot.DrainAsync(campaign.Id);
        }

        // Resends of rows already sent and counted: the ledger still has one sent row each, so nothing more is counted.
        var ledger = bot.Get<DeliveryLedger>();
        var now = bot.Clock.GetUtcNow().UtcDateTime;
        foreach (var row in ledger.ForCampaign(campaigns[0].Id, DeliveryState.Sent).Take(10))
        {
            Assert.True(ledger.Requeue(row.Id, now));
        }

        await bot.DrainAsync(campaigns[0].Id);

        foreach (var campaign in campaigns)
        {
            var rows = ledger.ForCampaign(campaign.Id);
            Assert.Equal(people.Count - 2, rows.Count(r => r.State == DeliveryState.Sent));
            // Blocked in the first campaign, skipped as unreachable in the second.
            Assert.Equal(2, rows.Count(r => r.State is DeliveryState.Blocked or DeliveryState.Skipped));
            foreach (var unit in units)
            {
                Assert.Equal(rows.Count(r => r.UnitCode == unit && r.State == DeliveryState.Sent), Delivered(bot, campaign.Id, unit));
            }
        }
    }

    /// <summary>The delivered counter of a free-text campaign in one unit, as the reports read it.</summary>
    private static int Delivered(BotHarness bot, string campaignId, string unitCode) =>
        bot.Get<ReportCounters>().AllItems().SingleOrDefault(c => c.UnitCode == unitCode && c.ItemId == "campaign:" + campaignId)?.Delivered ?? 0;

    /// <summary>Stops the dispatcher's work on one person's sent row right after its outcome was committed.</summary>
    private sealed class FreezeAfterOutcome(long subscriberId) : IDeliveryObserver
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task OnOutcomeAsync(DeliveryRow row, CancellationToken ct)
        {
            if (row.SubscriberId == subscriberId && row.State == DeliveryState.Sent && Reached.TrySetResult())
            {
                await Release.Task;
            }
        }
    }

    /// <summary>
    /// Joins the outcome transaction of one person's sent row and fails its commit while armed, after the report
    /// counters wrote theirs: what a failing disk does to the counters' write.
    /// </summary>
    private sealed class FailingCommit(long subscriberId) : IDeliveryOutcomeRecorder
    {
        private int failures;
        private volatile bool armed = true;

        public bool Armed
        {
            get => armed;
            set => armed = value;
        }

        public int Failures => Volatile.Read(ref failures);

        public void Record(ITransaction tx, DeliveryRow row)
        {
            if (Armed && row.SubscriberId == subscriberId && row.State == DeliveryState.Sent)
            {
                tx.BeforeCommit(this, _ => Fail());
            }
        }

        private void Fail()
        {
            Interlocked.Increment(ref failures);
            throw new IOException("injected: the counters' write failed");
        }
    }
}
