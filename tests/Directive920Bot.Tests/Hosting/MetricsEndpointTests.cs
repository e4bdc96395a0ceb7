using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Hosting;

/// <summary>/metrics is scraped after a short journey and checked line by line against the Prometheus text format.</summary>
public sealed partial class MetricsEndpointTests
{
    private const string Key = "ops-metrics-key-0123456789";

    [Fact]
    public async Task Metrics_are_valid_prometheus_text_and_carry_the_service_instruments()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["Metrics:Key"] = Key });
        await bot.RegisterAsync(3501, "Lê Văn Cường", "SNV-VP");
        // The feedback command issues buttons that are held for 30 minutes, so the callback-key gauge has keys to count
        // whether or not the drip track has sent the first lesson (and its buttons) by the time of the scrape.
        await bot.SayAsync(3501, "/gopy", m => m.Text?.Contains("góp ý", StringComparison.OrdinalIgnoreCase) == true);
        using var http = bot.Http();

        // Each host exports its own Meters only (HostMetricsRegistry), although this test process runs other hosts too:
        // one scrape shows this host's held keys.
        using var response = await http.GetAsync(new Uri("metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var families = ParseStrictly(text);

        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        // The store's own instruments: LiteDB's single writer (queue, commits, commit time) or PostgreSQL's transactions
        // (commits, serialization conflicts run again).
        string[] store = bot.UsesPostgres
            ? ["directive920bot_storage_commits", "directive920bot_storage_conflict_retries"]
            : ["directive920bot_writer_queue_length", "directive920bot_writer_commits", "directive920bot_writer_commit_seconds"];
        var commits = bot.UsesPostgres ? "directive920bot_storage_commits" : "directive920bot_writer_commits";
        foreach (var name in store.Concat(
        [
            "directive920bot_ledger_rows_due", "directive920bot_ledger_rows_overdue", "directive920bot_ledger_rows_held",
            "directive920bot_callback_keys", "directive920bot_send_duration_seconds", "directive920bot_update_handling_duration_seconds",
            "process_working_set_bytes",
        ]))
        {
            Assert.True(families.Keys.Any(f => f.StartsWith(name, StringComparison.Ordinal)), $"no {name} in:\n{string.Join('\n', families.Keys.Order())}");
        }

        // Registering pressed buttons and got answers: the writer committed; the feedback buttons are held keys.
        Assert.True(families.Single(f => f.Key.StartsWith(commits, StringComparison.Ordinal)).Value.Single() > 0);
        Assert.True(families.Single(f => f.Key.StartsWith("directive920bot_callback_keys", StringComparison.Ordinal)).Value.Single() > 0, string.Join('\n', text.Split('\n').Where(l => l.Contains("callback", StringComparison.Ordinal) || l.Contains("commits", StringComparison.Ordinal))));
        Assert.DoesNotContain(bot.Emulator.Token.Split(':')[1], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_through_a_proxy_need_the_key()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["Metrics:Key"] = Key });
        using var http = bot.Http();

        using var anonymous = new HttpRequestMessage(HttpMethod.Get, new Uri("metrics", UriKind.Relative));
        anonymous.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var wrong = new HttpRequestMessage(HttpMethod.Get, new Uri("metrics", UriKind.Relative));
        wrong.Headers.Add("X-Forwarded-For", "203.0.113.7");
        wrong.Headers.Add("X-Metrics-Key", Key + "x");
        using var keyed = new HttpRequestMessage(HttpMethod.Get, new Uri("metrics", UriKind.Relative));
        keyed.Headers.Add("X-Forwarded-For", "203.0.113.7");
        keyed.Headers.Add("X-Metrics-Key", Key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(anonymous)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(keyed)).StatusCode);
    }

    [Fact]
    public async Task Two_hosts_in_one_process_each_export_their_own_figures()
    {
        var settings = new Dictionary<string, string?> { ["Metrics:Key"] = Key };
        await using var busy = await BotHarness.StartAsync(settings);
        await using var idle = await BotHarness.StartAsync(settings);
        await busy.RegisterAsync(3601, "Lê Văn Cường", "SNV-VP");
        await busy.SayAsync(3601, "/gopy", m => m.Text?.Contains("góp ý", StringComparison.OrdinalIgnoreCase) == true);

        async Task<double> HeldKeysAsync(BotHarness bot)
        {
            using var http = bot.Http();
            var families = ParseStrictly(await http.GetStringAsync(new Uri("metrics", UriKind.Relative)));
            return families.Single(f => f.Key.StartsWith("directive920bot_callback_keys", StringComparison.Ordinal)).Value.Single();
        }

        // The busy host holds the feedback buttons' keys; the idle one, started beside it in the same process, none.
        Assert.True(await HeldKeysAsync(busy) > 0);
        Assert.Equal(0, await HeldKeysAsync(idle));
        Assert.True(await HeldKeysAsync(busy) > 0);
    }

    /// <summary>
    /// The text exposition format, strictly: every line is a HELP, a TYPE (once per family, before its samples, a known
    /// type) or a sample whose name belongs to the family last typed, with well-formed labels and a number. Returns the
    /// sample values by series name.
    /// </summary>
    private static Dictionary<string, List<double>> ParseStrictly(string text)
    {
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in text.Split('\n')[..^1])
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                var comment = CommentLine().Match(line);
                Assert.True(comment.Success, $"line {number}: bad comment '{line}'");
                if (comment.Groups["kind"].Value == "TYPE")
                {
                    Assert.Matches("^(counter|gauge|histogram|summary|untyped)$", comment.Groups["rest"].Value);
                    Assert.True(typed.TryAdd(comment.Groups["name"].Value, comment.Groups["rest"].Value), $"line {number}: family typed twice");
                }

                continue;
            }

            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"line {number}: bad sample '{line}'");
            var name = sample.Groups["name"].Value;
            var family = typed.Keys.Where(f => name == f || (name.StartsWith(f + "_", StringComparison.Ordinal) && name[(f.Length + 1)..] is "bucket" or "sum" or "count" or "total"))
                .OrderByDescending(f => f.Length).FirstOrDefault();
            Assert.True(family is not null, $"line {number}: sample '{name}' has no TYPE before it");
            var raw = sample.Groups["value"].Value;
            var value = raw switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                _ => double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            if (!samples.TryGetValue(name, out var values))
            {
                samples[name] = values = [];
            }

            values.Add(value);
        }

        return samples;
    }

    [GeneratedRegex("""^# (?<kind>HELP|TYPE) (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?: (?<rest>.*))?$""")]
    private static partial Regex CommentLine();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*")*,?)?\})? (?<value>[-+]?(?:[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?|Inf|NaN)|\+Inf|-Inf|NaN)(?: -?[0-9]+)?$""")]
    private static partial Regex SampleLine();
}
