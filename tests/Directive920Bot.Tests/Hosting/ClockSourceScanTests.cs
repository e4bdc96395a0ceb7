using System.Text.RegularExpressions;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Hosting;

/// <summary>
/// Time is read through the two injected clocks (business and transport) and no other way: a feature that reads the
/// system clock makes the product, and its tests, depend on the real date, the hour or the machine's speed.
/// </summary>
public sealed partial class ClockSourceScanTests
{
    // The composition roots name the system clock once each: the service's (AddBotCore) and the CLI's (the host's composition).
    private static readonly string[] CompositionRoots = ["Directive920Bot.Core/Hosting/HostingExtensions.cs", "Directive920Bot/Hosting/AppComposition.cs"];

    [Fact]
    public void No_feature_reads_the_system_clock_or_waits_without_a_clock()
    {
        var findings = new List<string>();
        foreach (var (file, number, line) in SourceLines())
        {
            if (!CompositionRoots.Contains(file) && SystemClock().IsMatch(line))
            {
                findings.Add($"{file}:{number}: reads the system clock: {line.Trim()}");
            }

            foreach (Match delay in DelayCall().Matches(line))
            {
                var arguments = Arguments(line, delay.Index + delay.Length);
                if (arguments.Count < 2 || CancellationLike().IsMatch(arguments[1]))
                {
                    findings.Add($"{file}:{number}: Task.Delay without a TimeProvider: {line.Trim()}");
                }
            }
        }

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Theory]
    [InlineData("var now = DateTime.UtcNow;", true)]
    [InlineData("var t = DateTimeOffset.Now.Hour;", true)]
    [InlineData("clock.SetInitialOffset(x - TimeProvider.System.GetUtcNow());", true)]
    [InlineData("Thread.Sleep(10);", true)]
    [InlineData("var started = System.Diagnostics.Stopwatch.GetTimestamp();", true)]
    [InlineData("var now = clock.UtcNow;", false)]
    [InlineData("DateTime.SpecifyKind(utc, DateTimeKind.Utc)", false)]
    public void The_scan_recognises_a_read_of_the_system_clock(string line, bool flagged) =>
        Assert.Equal(flagged, SystemClock().IsMatch(line));

    [Theory]
    [InlineData("await Task.Delay(wait, stoppingToken);", true)]
    [InlineData("await Task.Delay(TimeSpan.FromSeconds(1));", true)]
    [InlineData("await Task.Delay(Poll, CancellationToken.None);", true)]
    [InlineData("await Task.Delay(ReplyBackoff.Delay(failed), backoff.Time, ct);", false)]
    [InlineData("tasks.Add(Task.Delay(w, time, ct));", false)]
    public void The_scan_recognises_a_wait_without_a_clock(string line, bool flagged)
    {
        var call = DelayCall().Match(line);
        var arguments = Arguments(line, call.Index + call.Length);
        Assert.Equal(flagged, arguments.Count < 2 || CancellationLike().IsMatch(arguments[1]));
    }

    private static IEnumerable<(string File, int Number, string Line)> SourceLines()
    {
        // Every project of the service (the host, the features, the providers and adapters); the emulator keeps its own time.
        var src = Path.Combine(BotHarness.RepoRoot, "src");
        foreach (var path in Directory.EnumerateDirectories(src, "Directive920Bot*")
                     .Where(project => !Path.GetFileName(project).StartsWith("Directive920Bot.Emulator", StringComparison.Ordinal))
                     .SelectMany(project => Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)))
        {
            var relative = Path.GetRelativePath(src, path).Replace('\\', '/');
            if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal))
            {
                continue;
            }

            var number = 0;
            foreach (var line in File.ReadLines(path))
            {
                number++;
                if (!line.TrimStart().StartsWith("//", StringComparison.Ordinal))
                {
                    yield return (relative, number, line);
                }
            }
        }
    }

    /// <summary>The top-level arguments of a call whose opening parenthesis ends at <paramref name="start"/>.</summary>
    private static List<string> Arguments(string line, int start)
    {
        var arguments = new List<string>();
        var depth = 0;
        var current = start;
        for (var i = start; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}' when depth > 0:
                    depth--;
                    break;
                case ')':
                    arguments.Add(line[current..i].Trim());
                    return arguments;
                case ',' when depth == 0:
                    arguments.Add(line[current..i].Trim());
                    current = i + 1;
                    break;
            }
        }

        return arguments;
    }

    [GeneratedRegex(@"\b(TimeProvider\.System|DateTime(Offset)?\.(Now|UtcNow|Today)|Thread\.Sleep\s*\(|Stopwatch\.(StartNew|GetTimestamp|GetElapsedTime))")]
    private static partial Regex SystemClock();

    [GeneratedRegex(@"\bTask\.Delay\s*\(")]
    private static partial Regex DelayCall();

    [GeneratedRegex(@"(^ct$|[Tt]oken$|CancellationToken\.None$|^default$)")]
    private static partial Regex CancellationLike();
}
