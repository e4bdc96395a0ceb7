using System.Net;
using System.Text;
using Directive920Bot.Channels;
using Directive920Bot.Storage;
using Directive920Bot.Telegram;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Storage;

/// <summary>
/// Two instances in webhook mode behind a balancer on one PostgreSQL database (issue 19): the real host twice, one
/// emulator for their replies. The test is the balancer: it posts the same update to both (a retry that reached the
/// other instance) and many different updates to both at once. Waits are bounded and poll the outcome.
/// </summary>
public sealed class TwoInstanceInboxTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static async Task<(BotHarness A, BotHarness B)> TwoWebhookInstancesAsync(string leaseTime = "00:00:30")
    {
        var database = PostgresCluster.CreateDatabase("inbox_" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = StorageOptions.Postgres,
            ["Storage:ConnectionString"] = database,
            ["Telegram:InboxLeaseTime"] = leaseTime,
        };
        var a = await BotHarness.StartAsync(settings, webhook: true);
        try
        {
            var b = await BotHarness.StartAsync(settings, emulator: a.Emulator, importDemoUnits: false, webhook: true);
            return (a, b);
        }
        catch
        {
            await a.DisposeAsync();
            throw;
        }
    }

    private static string Help(int updateId, long userId) =>
        $$$"""{"update_id":{{{updateId}}},"message":{"message_id":{{{updateId}}},"date":1764550800,"chat":{"id":{{{userId}}},"type":"private","first_name":"An"},"from":{"id":{{{userId}}},"is_bot":false,"first_name":"An"},"text":"/help","entities":[{"offset":0,"length":5,"type":"bot_command"}]}}""";

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("telegram/hook", UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookEndpoint.SecretHeader, BotHarness.WebhookSecret);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
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

    /// <summary>How many messages one /help handled once brings (a control user, posted to one instance only).</summary>
    private static async Task<int> RepliesToOneHelpAsync(BotHarness bot, HttpClient http, int updateId, long user)
    {
        bot.User(user);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(http, Help(updateId, user)));
        await Eventually(() => bot.BotMessages(user).Count > 0, "the control user's reply");
        await Eventually(() => bot.Get<UpdateInbox>().Pending().Count == 0, "the control update handled");
        return bot.BotMessages(user).Count;
    }

    [SkippableFact]
    public async Task Updates_posted_to_both_instances_at_once_are_each_handled_exactly_once_and_none_is_refused()
    {
        var (a, b) = await TwoWebhookInstancesAsync();
        await using (a)
        await using (b)
        {
            using var toA = a.Http();
            using var toB = b.Http();
            var once = await RepliesToOneHelpAsync(a, toA, 800_000, 5000);
            // 40 updates each posted to both instances at the same moment, and 120 different ones spread over both.
            var both = Enumerable.Range(1, 40).Select(i => (Id: 800_000 + i, User: 5000L + i)).ToList();
            var spread = Enumerable.Range(1, 120).Select(i => (Id: 800_100 + i, User: 6000L + i)).ToList();
            foreach (var (_, user) in both.Concat(spread))
            {
                a.User(user);
            }

            var posts = both.SelectMany(u => new[] { PostAsync(toA, Help(u.Id, u.User)), PostAsync(toB, Help(u.Id, u.User)) })
                .Concat(spread.Select((u, i) => PostAsync(i % 2 == 0 ? toA : toB, Help(u.Id, u.User))));
            var statuses = await Task.WhenAll(posts);

            // No batch id collided (that was a 500 and a Telegram retry).
            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
            var users = both.Concat(spread).Select(u => u.User).ToList();
            await Eventually(() => users.All(u => a.BotMessages(u).Count >= once), "a reply for every update");
            await Eventually(() => a.Get<UpdateInbox>().Pending().Count == 0 && b.Get<UpdateInbox>().Pending().Count == 0, "both inboxes drained");
            await Task.Delay(500); // room for a second handling of the same update to show, were there one
            Assert.All(users, u => Assert.Equal(once, a.BotMessages(u).Count));
            Assert.Empty(a.Get<IInboxStore>().Batches());
            Assert.Equal(800_221, a.Get<IInboxStore>().ReadCursor(UpdateInbox.Channel)!.Offset);
        }
    }

    [SkippableFact]
    public async Task A_batch_left_by_a_killed_instance_is_handled_by_another_within_the_lease_time_and_a_live_ones_is_not()
    {
        var (a, b) = await TwoWebhookInstancesAsync(leaseTime: "00:00:02");
        await using (a)
        await using (b)
        {
            using var toB = b.Http();
            var once = await RepliesToOneHelpAsync(b, toB, 900_000, 7000);
            a.User(7001);
            a.User(7002);
            var now = a.Clock.GetUtcNow().UtcDateTime;
            StoredUpdate Stored(int id, long user) => new() { Id = id, Json = Help(id, user), ChatKey = user, ReceivedAt = now };
            // What a killed instance leaves: a stored batch it never handled, its lease no longer renewed. And one of an
            // instance still at work (its lease an hour long, as if renewed).
            var storage = a.Get<IStorage>();
            var inbox = a.Get<IInboxStore>();
            await storage.WriteAsync(tx => inbox.Accept(tx, new InboxArrival(UpdateInbox.Channel, "killed/1/x", [Stored(900_001, 7001)], 900_002, now, UpdateInbox.SeenFor, TimeSpan.FromSeconds(2))));
            await storage.WriteAsync(tx => inbox.Accept(tx, new InboxArrival(UpdateInbox.Channel, "busy/2/y", [Stored(900_002, 7002)], 900_003, now, UpdateInbox.SeenFor, TimeSpan.FromHours(1))));

            // Within the lease and a renewal turn (2 s + 2/3 s), not at a restart.
            await Eventually(() => a.BotMessages(7001).Count >= once, "the killed instance's update handled");
            await Eventually(() => inbox.Batches().All(x => x.Owner == "busy/2/y"), "the taken-over batch forgotten once handled");
            await Task.Delay(TimeSpan.FromSeconds(3)); // more than a lease: the live one's batch stays its own
            Assert.Equal(once, a.BotMessages(7001).Count);
            Assert.Empty(a.BotMessages(7002));
            Assert.Equal([900_002], inbox.Batches().Single().Updates.Select(u => u.Id));
        }
    }
}
