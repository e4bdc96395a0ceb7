using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Storage;

/// <summary>
/// Two instances of the service on one PostgreSQL database (issue 19): the real host twice, one emulator. What one
/// instance changes, the other sees — at once where nothing is kept in memory, and within the announcement
/// (LISTEN/NOTIFY) where something is. Waits are bounded and poll the outcome; none is an assertion.
/// </summary>
public sealed class TwoInstanceChangeTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private static async Task<(BotHarness A, BotHarness B)> TwoInstancesAsync(Func<BotHarness, Task>? beforeSecond = null)
    {
        var database = PostgresCluster.CreateDatabase("two_" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = StorageOptions.Postgres,
            ["Storage:ConnectionString"] = database,
            ["Bot:SuperAdmins:0"] = "900",
        };
        var a = await BotHarness.StartAsync(settings);
        try
        {
            if (beforeSecond is not null)
            {
                await beforeSecond(a);
            }

            // The second instance shares the database and the emulator; its units are the first one's (imported once).
            var b = await BotHarness.StartAsync(settings, emulator: a.Emulator, importDemoUnits: false);
            return (a, b);
        }
        catch
        {
            await a.DisposeAsync();
            throw;
        }
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not seen within {Bound}: {what}");
            await Task.Delay(20);
        }
    }

    [SkippableFact]
    public async Task A_person_changed_on_one_instance_is_seen_by_the_other_at_once()
    {
        const long cadre = 4101;
        var (a, b) = await TwoInstancesAsync(first => first.RegisterAsync(cadre, "Trần Thị Bình", "SNV-VP"));
        await using (a)
        await using (b)
        {
            // B has answered for the person before the changes (anything it keeps in memory is filled).
            Assert.Equal(AdminRole.Cadre, b.Get<IAccessPolicy>().For(cadre).Role);
            Assert.Equal(SubscriberStatus.Active, b.Get<ISubscribers>().Find(cadre)!.Status);
            Assert.Equal(SubscriberStatus.Active, b.Get<ISubscribers>().RegisteredForDelivery().Single(s => s.Id == cadre).Status);

            // Role grant on A: B's access check sees it.
            Assert.Equal(GrantOutcome.Granted, a.Get<RoleService>().Grant(900, cadre, AdminRole.UnitAdmin, "SNV-VP"));
            var grant = b.Get<IAccessPolicy>().For(cadre);
            Assert.Equal((AdminRole.UnitAdmin, true), (grant.Role, grant.Units.Contains("SNV-VP")));

            // /stop on A: B's audience of a broadcast (which leaves out all but the active) sees it; so does an unblock.
            await a.Get<IStorage>().WriteAsync(tx => a.Get<ISubscribers>().SetStatus(tx, cadre, SubscriberStatus.Stopped));
            Assert.Equal(SubscriberStatus.Stopped, b.Get<ISubscribers>().Find(cadre)!.Status);
            Assert.Equal(SubscriberStatus.Stopped, b.Get<ISubscribers>().RegisteredForDelivery().Single(s => s.Id == cadre).Status);
            await a.Get<IStorage>().WriteAsync(tx => a.Get<ISubscribers>().SetStatus(tx, cadre, SubscriberStatus.Blocked));
            Assert.Equal(SubscriberStatus.Blocked, b.Get<ISubscribers>().Find(cadre)!.Status);
            await a.Get<IStorage>().WriteAsync(tx => a.Get<ISubscribers>().SetStatus(tx, cadre, SubscriberStatus.Active, onlyFrom: SubscriberStatus.Blocked));
            Assert.Equal(SubscriberStatus.Active, b.Get<ISubscribers>().RegisteredForDelivery().Single(s => s.Id == cadre).Status);

            // Unit change on A: B addresses the person in the new unit only.
            var moved = a.Get<ISubscribers>().Find(cadre)!;
            moved.UnitCode = "SNV-CCVC";
            await a.Get<IStorage>().WriteAsync(tx => a.Get<ISubscribers>().Save(tx, moved));
            Assert.Equal("SNV-CCVC", b.Get<ISubscribers>().Find(cadre)!.UnitCode);
            Assert.Contains(b.Get<ISubscribers>().InUnits(["SNV-CCVC"]), s => s.Id == cadre);
            Assert.DoesNotContain(b.Get<ISubscribers>().InUnits(["SNV-VP"]), s => s.Id == cadre);

            // Erasure on A: B no longer knows the person, their address or their role.
            await a.Get<PersonalDataService>().EraseAsync(cadre);
            Assert.Null(b.Get<ISubscribers>().Find(cadre));
            Assert.Null(b.Get<IPersonDirectory>().Find(ChannelAddress.ForTelegram(cadre)));
            Assert.Equal(AdminRole.Cadre, b.Get<IAccessPolicy>().For(cadre).Role);
        }
    }

    [SkippableFact]
    public async Task A_campaign_edited_on_one_instance_changes_the_settings_the_other_keeps_in_memory()
    {
        var (a, b) = await TwoInstancesAsync();
        await using (a)
        await using (b)
        {
            var campaign = new Campaign
            {
                Id = "c-two",
                Text = "Thông báo 920-TB/TU",
                QuizMode = "quiz",
                Status = CampaignStatus.Cancelled,
                CreatedAt = a.Clock.GetUtcNow().UtcDateTime,
                UpdatedAt = a.Clock.GetUtcNow().UtcDateTime,
            };
            await a.Get<IStorage>().WriteAsync(tx => a.Get<ICampaigns>().Insert(tx, campaign));
            // B reads the settings once and keeps them.
            Assert.Equal("quiz", b.Get<ICampaignEngagementSource>().Find("c-two")!.QuizMode);

            campaign.QuizMode = "none";
            campaign.RequireQuizBeforeAck = true;
            await a.Get<IStorage>().WriteAsync(tx => a.Get<ICampaigns>().Update(tx, campaign));

            await Eventually(() => b.Get<ICampaignEngagementSource>().Find("c-two")!.QuizMode == "none", "the campaign's new quiz mode on B");
            Assert.True(b.Get<ICampaignEngagementSource>().Find("c-two")!.RequireQuizBeforeAck);
        }
    }

    [SkippableFact]
    public async Task A_delivery_counted_on_one_instance_shows_in_the_reports_of_the_other()
    {
        var (a, b) = await TwoInstancesAsync();
        await using (a)
        await using (b)
        {
            DeliveryRow Sent(long person) => new()
            {
                Id = $"c:c-count:1:{person}",
                OccurrenceId = "c:c-count:1",
                CampaignId = "c-count",
                SubscriberId = person,
                Kind = DeliveryKind.Announcement,
                UnitCode = "SNV-VP",
                State = DeliveryState.Sent,
            };

            int Delivered(BotHarness h) => h.Get<ReportCounters>().AllItems().SingleOrDefault(c => c.Id == "SNV-VP|campaign:c-count")?.Delivered ?? 0;

            await a.Get<IStorage>().WriteAsync(tx => a.Get<ReportCounters>().RecordDelivered(tx, Sent(1)));
            // B loads the counters (and keeps them in memory for the next report).
            Assert.Equal(1, Delivered(b));

            await a.Get<IStorage>().WriteAsync(tx =>
            {
                a.Get<ReportCounters>().RecordDelivered(tx, Sent(2));
                a.Get<ReportCounters>().RecordDelivered(tx, Sent(3));
            });

            await Eventually(() => Delivered(b) == 3, "A's two new deliveries in B's counters");
            // And B's own counts still add up on top of what A wrote.
            await b.Get<IStorage>().WriteAsync(tx => b.Get<ReportCounters>().RecordDelivered(tx, Sent(4)));
            Assert.Equal(4, Delivered(b));
            await Eventually(() => Delivered(a) == 4, "B's delivery in A's counters");
        }
    }
}
