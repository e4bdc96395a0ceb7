using System.Net;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using Directive920Bot.WebConsole;

namespace Directive920Bot.Benchmarks;

/// <summary>
/// Goal (issue 17): with 100,000 subscribers × 30 items the console's overview answers a bloc admin in ≤ 300 ms of
/// server time, and a unit page of 1,000 members (paged, 50 a page) in ≤ 200 ms. Measured through the real pipeline: an
/// HTTP GET over loopback to the started service (Kestrel, cookie authentication with the session check, authorisation,
/// the page's feature services, the Razor component rendered to HTML), with the cookie of a real sign-in link. The data
/// are the reports' (<see cref="ReportSeed"/>), plus, for every member of the measured division, a ledger row per item
/// and an acknowledgement for about 70 % of them, so each member's states are read as in production.
/// </summary>
[Config(typeof(InProcessMonitoringConfig))]
[MemoryDiagnoser]
public partial class ConsoleBenchmark
{
    public const long BlocAdmin = 42;
    private BenchmarkHost host = null!;
    // Static: one client for the benchmark's run (its cookie is the session), disposed in the cleanup.
    private static HttpClient http = null!;
    private string unit = "";
    private string overviewPath = "/console";

    /// <summary>Members of the measured division (about 1,000).</summary>
    public int UnitMembersCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        host = BenchmarkHost.StartAsync(new Dictionary<string, string?> { ["Bot:SuperAdmins:0"] = "42" }, start: true).GetAwaiter().GetResult();
        var seeded = ReportSeed.Seed(host, ReportBenchmark.Subscribers, ReportBenchmark.Items);

        // The division closest to 1,000 members, with its members' ledger rows and acknowledgements.
        var sizes = seeded.UnitOf.GroupBy(u => u, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        unit = sizes.OrderBy(s => Math.Abs(s.Value - 1000)).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key;
        UnitMembersCount = sizes[unit];
        SeedMembersHistory(seeded);

        var signIns = host.Get<ConsoleSignInService>();
        var (token, _) = signIns.IssueAsync(BlocAdmin).GetAwaiter().GetResult();
        var baseAddress = new Uri(host.App.Urls.First());
        http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var page = http.GetStringAsync("/signin/" + token).GetAwaiter().GetResult();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["__af"] = TokenPattern().Match(page).Groups[1].Value });
        using var signedIn = http.PostAsync("/signin", form).GetAwaiter().GetResult();
        if (signedIn.StatusCode != HttpStatusCode.Redirect || !Get(overviewPath).Contains("Tổng quan", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the benchmark's admin could not sign in to the console: " + signedIn.StatusCode);
        }

        if (!Get($"/console/units/{unit}?page=2").Contains("id=\"members\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the unit page did not render its members");
        }

        Console.WriteLine($"// Console benchmark: unit {unit} has {UnitMembersCount} members");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        http.Dispose();
        host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>GET /console as a bloc admin: the bloc's figures, the 8-week trend, lagging units, weakest lessons and questions.</summary>
    [Benchmark]
    public int Overview() => Get(overviewPath).Length;

    /// <summary>GET /console/units/{code}?page=2 of a division of about 1,000 members: figures and 50 members × the delivered items' states.</summary>
    [Benchmark]
    public int UnitPage() => Get($"/console/units/{unit}?page=2").Length;

    private static string Get(string path)
    {
        using var response = http.GetAsync(path).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        return response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
    }

    private void SeedMembersHistory(ReportSeed.Seeded seeded)
    {
        var db = host.Get<Storage.LiteDb.Database>();
        var content = host.Get<ContentService>().Current;
        var random = new Random(17);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        db.Write(_ =>
        {
            var rows = db.Collection<DeliveryRow>(DeliveryLedger.CollectionName);
            var acks = db.Collection<Acknowledgement>(Storage.LiteDb.Engagement.LiteDbAcknowledgements.CollectionName);
            for (var i = 0; i < seeded.UnitOf.Length; i++)
            {
                if (seeded.UnitOf[i] != unit)
                {
                    continue;
                }

                var subscriber = 1_000_000 + i;
                foreach (var item in seeded.Items)
                {
                    var sentAt = now.AddDays(-random.Next(1, 50));
                    var id = $"bench:{item}:{subscriber}";
                    rows.Insert(new DeliveryRow
                    {
                        Id = id, OccurrenceId = "bench:" + item, SubscriberId = subscriber, Kind = DeliveryKind.Lesson, ItemId = item,
                        UnitCode = unit, State = DeliveryState.Sent, CreatedAt = sentAt, SentAt = sentAt, DueAt = sentAt, RequireAck = true,
                    });
                    if (random.Next(10) < 7)
                    {
                        var hash = content.Find(item)?.ContentHash ?? "bench";
                        acks.Insert(new Acknowledgement
                        {
                            Id = Acknowledgement.IdFor(subscriber, item, hash), SubscriberId = subscriber, ItemId = item, Subject = item, ContentHash = hash,
                            DeliveryId = id, UnitCode = unit, Role = CadreRole.Staff, DeliveredAt = sentAt, Deadline = sentAt.AddDays(2),
                            AcknowledgedAt = sentAt.AddHours(random.Next(1, 96)), OnTime = random.Next(4) > 0,
                        });
                    }
                }
            }
        });
    }

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
