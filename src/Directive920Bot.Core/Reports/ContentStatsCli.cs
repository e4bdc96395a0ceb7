using System.CommandLine;
using System.Globalization;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;

namespace Directive920Bot.Reports;

/// <summary>
/// <c>content stats</c>: item analysis of the quizzes for propaganda staff. Per question, the first answers, the share
/// right, the share choosing each option in the file's order (the order cadres saw differs per cadre), and a flag for a
/// question nearly everyone gets right or most get wrong. Reads the report counters through their store interface.
/// </summary>
internal static class ContentStatsCli
{
    public static Command Build(CliContext cli)
    {
        var output = cli.Output;
        var database = new Option<string?>("--database") { Description = "The store's file (default: Storage:DatabasePath)" };
        var minimum = new Option<int>("--min-sample")
        {
            Description = "First answers a question needs before it is flagged",
            DefaultValueFactory = _ => QuestionAnalysis.DefaultMinimumSample,
        };
        var language = new Option<string>("--language") { Description = "vi or en (question wording)", DefaultValueFactory = _ => "vi" };
        var command = new Command("stats", "Item analysis: per question, the share choosing each option and a flag for questions too easy or too hard")
        {
            database, minimum, language,
        };
        command.SetAction(parse =>
        {
            using var host = CliHost.Build(cli, parse.GetValue(database), b =>
            {
                b.AddContent();
                b.AddRegistration();
                b.AddDelivery();
                b.AddEngagement();
                b.AddReports();
            });
            var catalog = host.Services.GetRequiredService<ContentService>().Current;
            var counters = host.Services.GetRequiredService<IReportCounterStore>().AllQuestions();
            Write(output, QuestionAnalysis.Of(catalog, counters, parse.GetValue(language)!, parse.GetValue(minimum)), parse.GetValue(minimum));
            return 0;
        });
        return command;
    }

    public static void Write(TextWriter output, IReadOnlyList<QuestionAnalysis> questions, int minimumSample)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(questions);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c,
            $"Item analysis: first answers per cadre (reviews excluded); options in file order, * = correct; flags need {minimumSample} answers."));
        foreach (var q in questions)
        {
            var flag = q.Verdict switch
            {
                QuestionVerdict.TooEasy => $"  FLAG too easy (≥ {Pct(QuestionAnalysis.EasyShare, 0)} right at first try)",
                QuestionVerdict.TooHard => $"  FLAG too hard (≥ {Pct(QuestionAnalysis.HardWrongShare, 0)} wrong)",
                QuestionVerdict.FewAnswers => "  (too few answers to judge)",
                _ => "",
            };
            output.WriteLine(string.Create(c, $"{q.ItemId}/{q.QuestionId}\tanswered {q.Answered}\tright {Pct(q.RightShare, 1)}{flag}"));
            output.WriteLine("  " + q.Question);
            for (var i = 0; i < q.Options.Count; i++)
            {
                var mark = q.Correct.Contains(i) ? "*" : " ";
                var share = q.Tallied == 0 ? "    –" : Pct(q.Shares[i], 1).PadLeft(6);
                output.WriteLine(string.Create(c, $"  {mark}{i + 1}. {share}  {q.Options[i]}"));
            }
        }

        var flagged = questions.Count(q => q.Verdict is QuestionVerdict.TooEasy or QuestionVerdict.TooHard);
        output.WriteLine(string.Create(c, $"{questions.Count} question(s), {flagged} flagged."));
    }

    // Invariant "66.7%" (P1 would print "66.7 %"); the verb's output is read by people and by scripts alike.
    private static string Pct(double share, int decimals) =>
        (share * 100).ToString(decimals == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + "%";
}
