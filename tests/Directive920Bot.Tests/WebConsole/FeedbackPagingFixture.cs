using Directive920Bot.Engagement;
using Directive920Bot.Questions;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Infrastructure;
using Directive920Bot.Tests.Reports;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>
/// A service with more feedback than one page (and more than the 1,000 rows the page once stopped at): SNV-VP's named
/// feedback and questions, STC's, and anonymous feedback, spread over the last 60 local days; signed-in browsers of the
/// unit admins of SNV and STC and of a bloc admin.
/// </summary>
public sealed class FeedbackPagingFixture : SignedInConsoleFixture
{
    public const int SnvFeedback = 1_020;
    public const int StcFeedback = 60;
    public const int AnonymousFeedback = 5;
    public const int QuestionsPerUnit = 25;

    /// <summary>Row ids (<c>feedback-…</c>, <c>question-…</c>) of each unit's items and of the anonymous ones.</summary>
    public HashSet<string> Snv { get; } = [];

    public HashSet<string> Stc { get; } = [];

    public HashSet<string> Anonymous { get; } = [];

    protected override Task SeedAsync()
    {
        GrantUnitAdmins(Bot);
        var now = Bot.Clock.GetUtcNow().UtcDateTime;
        var today = Bot.Get<global::Directive920Bot.Hosting.BotClock>().LocalNow.Date;
        Bot.Get<IStorage>().Write(tx =>
        {
            var feedback = Bot.Get<IFeedback>();
            var questions = Bot.Get<IUnansweredQuestions>();
            for (var i = 0; i < SnvFeedback; i++)
            {
                var id = FormattableString.Invariant($"snv-{i:0000}");
                feedback.Upsert(tx, new Feedback { Id = id, SubscriberId = 5000 + i, UnitCode = TargetUnit, Text = "Ý kiến SNV " + id, CreatedAt = now.AddHours(-i) });
                Snv.Add("feedback-" + id);
            }

            for (var i = 0; i < StcFeedback; i++)
            {
                var id = FormattableString.Invariant($"stc-{i:0000}");
                feedback.Upsert(tx, new Feedback { Id = id, SubscriberId = 7000 + i, UnitCode = OtherUnit, Text = "Ý kiến STC " + id, CreatedAt = now.AddDays(-(i % 60)) });
                Stc.Add("feedback-" + id);
            }

            for (var i = 0; i < AnonymousFeedback; i++)
            {
                var id = FormattableString.Invariant($"anon-{i}");
                feedback.Upsert(tx, new Feedback { Id = id, Anonymous = true, Text = "Ẩn danh " + id, CreatedAt = DateTime.SpecifyKind(today.AddDays(-i), DateTimeKind.Utc) });
                Anonymous.Add("feedback-" + id);
            }

            for (var i = 0; i < QuestionsPerUnit; i++)
            {
                var day = DateTime.SpecifyKind(today.AddDays(-i), DateTimeKind.Utc);
                questions.Save(tx, new UnansweredQuestion { Id = FormattableString.Invariant($"qs-{i:00}"), Text = "Hỏi SNV", UnitCode = TargetUnit, AskedOn = day });
                questions.Save(tx, new UnansweredQuestion { Id = FormattableString.Invariant($"qt-{i:00}"), Text = "Hỏi STC", UnitCode = OtherUnit, AskedOn = day });
                Snv.Add(FormattableString.Invariant($"question-qs-{i:00}"));
                Stc.Add(FormattableString.Invariant($"question-qt-{i:00}"));
            }
        });
        return Task.CompletedTask;
    }
}
