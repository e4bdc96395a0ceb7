using Directive920Bot.Engagement;
using Directive920Bot.Questions;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Engagement;
using Directive920Bot.Tests.Infrastructure;
using Directive920Bot.Tests.Reports;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>
/// One running service (on a copy of the content, so a test may break it), signed-in browsers of the unit admins of SNV
/// and STC and of a bloc admin, and feedback and unanswered questions from SNV-VP, STC and an anonymous cadre.
/// </summary>
public sealed class ConsoleDeskFixture : SignedInConsoleFixture
{
    public const string NamedSnv = "fb-snv";
    public const string NamedStc = "fb-stc";
    public const string Anonymous = "fb-anon";
    public const string QuestionSnv = "q-snv";
    public const string QuestionStc = "q-stc";

    public string ContentRoot { get; } = EngagementKit.CopyContent();

    protected override Task<BotHarness> StartServiceAsync() => StartAsync(extra: new Dictionary<string, string?> { ["Content:Path"] = ContentRoot });

    protected override async Task SeedAsync()
    {
        GrantUnitAdmins(Bot);
        await Bot.RegisterAsync(Cadre, "Đặng Thị Hằng", TargetUnit);
        // Named feedback keeps its instant (shown by local day); anonymous feedback and questions keep a date only.
        var now = Bot.Clock.GetUtcNow().UtcDateTime;
        var today = Bot.Get<global::Directive920Bot.Hosting.BotClock>().LocalNow.Date;
        Bot.Get<IStorage>().Write(tx =>
        {
            var feedback = Bot.Get<IFeedback>();
            feedback.Upsert(tx, new Feedback { Id = NamedSnv, SubscriberId = Cadre, UnitCode = TargetUnit, Text = "=HYPERLINK(\"http://x\") Đề nghị thêm bài về chuyển đổi số", CreatedAt = now.AddDays(-1) });
            feedback.Upsert(tx, new Feedback { Id = NamedStc, SubscriberId = 777, UnitCode = OtherUnit, Text = "Ý kiến của Sở Tài chính", CreatedAt = now.AddDays(-2) });
            feedback.Upsert(tx, new Feedback { Id = Anonymous, Anonymous = true, Text = "Ý kiến ẩn danh về kỷ luật", CreatedAt = DateTime.SpecifyKind(today.AddDays(-3), DateTimeKind.Utc) });
            var questions = Bot.Get<IUnansweredQuestions>();
            questions.Save(tx, new UnansweredQuestion { Id = QuestionSnv, Text = "Câu hỏi của SNV về chế độ phụ cấp?", UnitCode = TargetUnit, AskedOn = today.AddDays(-1), Confidence = 0.1 });
            questions.Save(tx, new UnansweredQuestion { Id = QuestionStc, Text = "Câu hỏi của STC về ngân sách?", UnitCode = OtherUnit, AskedOn = today.AddDays(-1), Confidence = 0.1 });
        });
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(ContentRoot, recursive: true);
    }
}
