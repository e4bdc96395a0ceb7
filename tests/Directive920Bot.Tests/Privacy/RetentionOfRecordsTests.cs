using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Tests.Delivery;
using Directive920Bot.Tests.Infrastructure;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Privacy;

/// <summary>
/// Issue #15 item 6 (review): retention covers the ledger, acknowledgements, answers and retired roster entries too;
/// purging records leaves the report's counts as they were (the counters were written with each record); a bloc admin
/// sees what the next run would purge with /retention.
/// </summary>
public sealed class RetentionOfRecordsTests
{
    private const long BlocAdmin = 5401;

    private static readonly Dictionary<string, string?> Periods = new()
    {
        ["Retention:Ledger"] = "P100D",
        ["Retention:Acknowledgements"] = "P100D",
        ["Retention:Answers"] = "P120D",
        ["Bot:SuperAdmins:0"] = "5401",
    };

    [Fact]
    public async Task Acknowledgements_answers_and_ledger_rows_past_their_period_are_purged_and_the_report_counts_stay_as_they_were()
    {
        await using var bot = await StartAsync(Periods);
        var cadre = await bot.RegisterAsync(5402, "Phan Văn Hùng", "SKHCN");
        var (row, lesson) = await DeliverAsync(bot, cadre, Lesson1);
        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        var question = (await WaitForQuestionsAsync(bot, cadre.Id, 1)).First(m => m.Text!.Contains("1/", StringComparison.Ordinal));
        await PressOptionAsync(bot, cadre.Id, question.MessageId, Lesson1, "q1", 0);
        await bot.Emulator.WaitUntilAsync(() => bot.Get<IQuizAnswers>().ForSubscriber(cadre.Id).Count == 1, BotHarness.Wait);
        var counters = bot.Get<ReportCounters>();
        var item = counters.ItemsIn(["SKHCN"]).Single(c => c.ItemId == Lesson1);
        var (delivered, acknowledged) = (item.Delivered, item.Acknowledged);
        var answered = counters.QuestionsIn(["SKHCN"]).Single(q => q.QuestionId.EndsWith("q1", StringComparison.Ordinal)).Answered;
        var retention = bot.Get<RetentionService>();

        bot.Clock.Advance(TimeSpan.FromDays(99));
        var early = retention.Preview(bot.Clock.GetUtcNow());
        Assert.Equal(0, Line(early, RetentionKind.Acknowledgements).Count);
        Assert.Equal(0, Line(early, RetentionKind.Ledger).Count);

        bot.Clock.Advance(TimeSpan.FromDays(2));
        var preview = retention.Preview(bot.Clock.GetUtcNow());
        Assert.Equal(1, Line(preview, RetentionKind.Acknowledgements).Count);
        Assert.Equal(0, Line(preview, RetentionKind.Answers).Count);
        Assert.True(Line(preview, RetentionKind.Ledger).Count >= 1);

        var done = await retention.PurgeAsync(bot.Clock.GetUtcNow());

        Assert.Equal(1, Line(done, RetentionKind.Acknowledgements).Count);
        Assert.Empty(bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id));
        Assert.Null(bot.Get<DeliveryLedger>().Find(row.Id));
        Assert.Single(bot.Get<IQuizAnswers>().ForSubscriber(cadre.Id));

        bot.Clock.Advance(TimeSpan.FromDays(20));
        await retention.PurgeAsync(bot.Clock.GetUtcNow());
        Assert.Empty(bot.Get<IQuizAnswers>().ForSubscriber(cadre.Id));

        // The counts were written with each record, so the report reads the same after its records are gone.
        var after = counters.ItemsIn(["SKHCN"]).Single(c => c.ItemId == Lesson1);
        Assert.Equal(delivered, after.Delivered);
        Assert.Equal(acknowledged, after.Acknowledged);
        Assert.Equal(answered, counters.QuestionsIn(["SKHCN"]).Single(q => q.QuestionId.EndsWith("q1", StringComparison.Ordinal)).Answered);
        Assert.NotNull(bot.Get<ISubscribers>().Find(cadre.Id));
    }

    [Fact]
    public async Task A_bloc_admin_sees_per_kind_what_the_next_run_would_purge_and_a_cadre_is_told_the_command_is_unknown()
    {
        await using var bot = await StartAsync(Periods);
        bot.Seed(BlocAdmin, "SNV-VP");
        await bot.RegisterAsync(5403, "Võ Thị Hoa", "SNV-VP");
        await bot.SayAsync(5403, "/ngungnhan", m => m.Text?.Contains("đã ngừng nhận tin", StringComparison.Ordinal) == true);
        bot.Clock.Advance(TimeSpan.FromDays(366));

        var shown = await bot.SayAsync(BlocAdmin, "/luutru", m => m.Text?.Contains("lần chạy tới sẽ xóa", StringComparison.Ordinal) == true);

        Assert.Contains("Đã ngừng nhận tin (người): 1 (giữ 365 ngày", shown.Text, StringComparison.Ordinal);
        Assert.Contains("Xác nhận đã đọc: 0 (giữ 100 ngày", shown.Text, StringComparison.Ordinal);
        Assert.Contains("Câu trả lời trắc nghiệm: 0 (giữ 120 ngày", shown.Text, StringComparison.Ordinal);
        Assert.Contains("Dòng danh sách đã thôi dùng", shown.Text, StringComparison.Ordinal);
        Assert.Contains("Nhật ký tin đã gửi", shown.Text, StringComparison.Ordinal);
        // Only a preview: the stopped cadre is still there.
        Assert.NotNull(bot.Get<ISubscribers>().Find(5403));

        var refused = await bot.SayAsync(5403, "/luutru");
        Assert.Contains("chưa hiểu lệnh này", refused.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_consent_text_states_the_periods_of_the_ledger_acknowledgements_answers_and_retired_roster_lines()
    {
        await using var bot = await StartAsync(Periods);
        bot.User(5404, "Nam");

        var welcome = await bot.SayAsync(5404, "/start");

        Assert.Contains("nhật ký tin đã gửi 100 ngày", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("xác nhận đã đọc 100 ngày", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("câu trả lời trắc nghiệm 120 ngày", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("dòng danh sách đơn vị đã thôi dùng 365 ngày", welcome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_period_shorter_than_the_button_keys_stops_the_start_naming_the_key()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => BotHarness.StartAsync(new Dictionary<string, string?> { ["Retention:Acknowledgements"] = "P30D" }));

        Assert.Contains("Retention:Acknowledgements must be at least Retention:CallbackKeys", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_retention_preview_verb_lists_every_kind_with_the_ledger_acknowledgements_answers_and_roster()
    {
        await using var bot = await StartAsync(Periods);
        await bot.StopHostAsync();
        using var output = new StringWriter();

        var code = await bot.RunCliAsync(output, "retention", "preview", "--database", bot.DatabasePath);

        Assert.True(code == 0, output.ToString());
        foreach (var kind in Enum.GetValues<RetentionKind>())
        {
            Assert.Contains(kind.ToString(), output.ToString(), StringComparison.Ordinal);
        }

        // The verb reads the configuration an operator has (here none): the defaults.
        Assert.Contains("Acknowledgements         keep   1825 days", output.ToString(), StringComparison.Ordinal);
    }

    private static RetentionLine Line(IReadOnlyList<RetentionLine> lines, RetentionKind kind) => lines.Single(l => l.Kind == kind);
}
