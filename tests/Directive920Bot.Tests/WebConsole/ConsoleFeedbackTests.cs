using System.Net;
using Directive920Bot.Admin;
using Directive920Bot.Tests.Reports;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>Ý kiến / Feedback: what each admin sees, marking handled once, the filters and the export.</summary>
public sealed class ConsoleFeedbackTests(ConsoleDeskFixture fixture) : IClassFixture<ConsoleDeskFixture>
{
    [Fact]
    public async Task A_unit_admin_sees_their_units_feedback_and_questions_and_nothing_anonymous_or_of_other_units()
    {
        var page = await fixture.Browsers[Who.UnitAdminInScope].Http.GetStringAsync("/console/feedback");

        Assert.Contains("Đề nghị thêm bài về chuyển đổi số", page, StringComparison.Ordinal);
        Assert.Contains("Đặng Thị Hằng", page, StringComparison.Ordinal);
        Assert.Contains("Câu hỏi của SNV về chế độ phụ cấp?", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Tài chính", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Câu hỏi của STC", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ý kiến ẩn danh về kỷ luật", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bloc_admin_sees_anonymous_feedback_without_any_person()
    {
        var page = await fixture.Browsers[Who.BlocAdmin].Http.GetStringAsync("/console/feedback?kind=feedback");

        var row = RowOf(page, "feedback-" + ConsoleDeskFixture.Anonymous);
        Assert.Contains("Ý kiến ẩn danh về kỷ luật", row, StringComparison.Ordinal);
        Assert.Contains("Ẩn danh", row, StringComparison.Ordinal);
        Assert.DoesNotContain("#", row, StringComparison.Ordinal);
        Assert.Contains("Ý kiến của Sở Tài chính", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Câu hỏi của STC", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_a_question_handled_twice_writes_one_mark_and_one_audit_entry_and_the_filter_follows_it()
    {
        var browser = fixture.Browsers[Who.UnitAdminInScope];
        var audit = fixture.Bot.Get<AuditLog>();
        var key = "question:" + ConsoleDeskFixture.QuestionSnv;
        var page = await browser.Http.GetStringAsync("/console/feedback?unit=SNV-VP&handled=no");
        Assert.Contains("Câu hỏi của SNV", page, StringComparison.Ordinal);

        var fields = new Dictionary<string, string> { ["kind"] = "question", ["id"] = ConsoleDeskFixture.QuestionSnv, ["back"] = "/console/feedback?unit=SNV-VP&handled=no" };
        var first = await browser.PostAsync("/console/feedback/handled", page, fields);
        var second = await browser.PostAsync("/console/feedback/handled", page, fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/console/feedback?unit=SNV-VP&handled=no&marked=1", first.Headers.Location!.ToString());
        Assert.EndsWith("marked=0", second.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Single(audit.Recent(500, "feedback.handled"), e => e.Target == key && e.Actor == ReportsTestSupport.UnitAdminInScope);
        Assert.DoesNotContain("Câu hỏi của SNV", await browser.Http.GetStringAsync("/console/feedback?unit=SNV-VP&handled=no"), StringComparison.Ordinal);
        var handled = await browser.Http.GetStringAsync("/console/feedback?unit=SNV-VP&handled=yes");
        Assert.Contains("Câu hỏi của SNV", handled, StringComparison.Ordinal);
        Assert.Contains("Đã xử lý ngày", handled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crafted_back_address_cannot_send_the_browser_elsewhere()
    {
        var browser = fixture.Browsers[Who.BlocAdmin];
        var page = await browser.Http.GetStringAsync("/console/feedback");

        var response = await browser.PostAsync("/console/feedback/handled", page,
            new Dictionary<string, string> { ["kind"] = "feedback", ["id"] = ConsoleDeskFixture.NamedStc, ["back"] = "//evil.example/console/feedback?x" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/console/feedback?marked=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_export_escapes_a_text_that_would_run_as_a_formula_and_is_audited()
    {
        var browser = fixture.Browsers[Who.UnitAdminInScope];

        var csv = await browser.Http.GetStringAsync("/console/feedback.csv?unit=SNV-VP&kind=feedback");

        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Tài chính", csv, StringComparison.Ordinal);
        Assert.Contains(fixture.Bot.Get<AuditLog>().Recent(500, "export"),
            e => e.Actor == ReportsTestSupport.UnitAdminInScope && e.Target == "SNV-VP" && e.Details.StartsWith("feedback.csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_date_filter_keeps_out_what_was_sent_before_it()
    {
        var today = DateOnly.FromDateTime(fixture.Bot.Get<global::Directive920Bot.Hosting.BotClock>().LocalNow);
        var from = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var page = await fixture.Browsers[Who.BlocAdmin].Http.GetStringAsync("/console/feedback?from=" + from);

        Assert.DoesNotContain("Ý kiến ẩn danh về kỷ luật", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ý kiến của Sở Tài chính", page, StringComparison.Ordinal);
        Assert.Contains("Câu hỏi của STC", page, StringComparison.Ordinal);
    }

    private static string RowOf(string page, string id)
    {
        var start = page.IndexOf($"<tr id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row {id}");
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
