using System.Globalization;

namespace Directive920Bot.Questions;

/// <summary>
/// The figures of "ask the notice" over a question set: top-1 and top-3 accuracy on questions the course answers,
/// the share of off-topic questions answered "not in the notice", and the answer time. The accuracy is what the tests
/// assert; the time is printed by <c>content ask-eval</c> and measured by the benchmark, never asserted in a test.
/// </summary>
public sealed record AskEvaluation(
    int OnTopic,
    int Top1,
    int Top3,
    int OffTopic,
    int OffTopicRefused,
    TimeSpan MeanTime,
    TimeSpan P95Time,
    IReadOnlyList<string> Misses,
    IReadOnlyList<string> Lines)
{
    public double Top1Rate => OnTopic == 0 ? 0 : (double)Top1 / OnTopic;

    public double Top3Rate => OnTopic == 0 ? 0 : (double)Top3 / OnTopic;

    public double OffTopicRefusedRate => OffTopic == 0 ? 0 : (double)OffTopicRefused / OffTopic;

    /// <param name="timer">The clock the answer times are read from (the transport clock in the CLI).</param>
    public static AskEvaluation Run(NoticeIndex index, IReadOnlyList<AskCase> cases, TimeProvider timer)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(timer);
        int onTopic = 0, top1 = 0, top3 = 0, offTopic = 0, refused = 0;
        var times = new List<TimeSpan>();
        var misses = new List<string>();
        var lines = new List<string>();
        foreach (var c in cases)
        {
            var started = timer.GetTimestamp();
            var answer = index.Ask(c.Question);
            times.Add(timer.GetElapsedTime(started));
            lines.Add(Describe(c.OffTopic ? "off-topic" : "on-topic", c, answer.Found ? answer : index.Search(c.Question)));
            if (c.OffTopic)
            {
                offTopic++;
                if (!answer.Found)
                {
                    refused++;
                }
                else
                {
                    misses.Add(Describe("answered off-topic", c, answer));
                }

                continue;
            }

            onTopic++;
            var rank = answer.Passages.Select((p, i) => (p, i)).FirstOrDefault(x => x.p.ItemIds.Any(c.Expected.Contains), (null!, -1)).Item2;
            if (rank == 0)
            {
                top1++;
            }

            if (rank is >= 0 and < 3)
            {
                top3++;
            }
            else
            {
                misses.Add(Describe("missed", c, answer));
            }
        }

        times.Sort();
        var mean = times.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)times.Average(t => t.Ticks));
        var p95 = times.Count == 0 ? TimeSpan.Zero : times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)];
        return new AskEvaluation(onTopic, top1, top3, offTopic, refused, mean, p95, misses, lines);
    }

    public IEnumerable<string> Report()
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"questions: {OnTopic} on the notice, {OffTopic} off-topic");
        yield return string.Create(c, $"top-1: {Top1}/{OnTopic} = {Top1Rate:P1} (goal >= 75 %)");
        yield return string.Create(c, $"top-3: {Top3}/{OnTopic} = {Top3Rate:P1} (goal >= 90 %)");
        yield return string.Create(c, $"off-topic answered 'not in the notice': {OffTopicRefused}/{OffTopic} = {OffTopicRefusedRate:P1} (goal >= 95 %)");
        yield return string.Create(c, $"answer time: mean {MeanTime.TotalMilliseconds:0.00} ms, p95 {P95Time.TotalMilliseconds:0.00} ms (goal <= 50 ms)");
        foreach (var miss in Misses)
        {
            yield return "  " + miss;
        }
    }

    private static string Describe(string what, AskCase c, AskAnswer answer) => string.Create(
        CultureInfo.InvariantCulture,
        $"{what}: \"{c.Question}\" expected [{string.Join(",", c.Expected)}] got [{string.Join(" ", answer.Passages.Select(p => string.Join("+", p.ItemIds)))}] confidence {answer.Confidence:0.00}");
}
