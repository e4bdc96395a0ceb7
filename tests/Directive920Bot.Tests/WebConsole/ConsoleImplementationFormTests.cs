using System.Net;
using System.Text;
using Directive920Bot.Admin;
using Directive920Bot.Implementation;
using Directive920Bot.Tests.Infrastructure;
using Directive920Bot.Tests.Reports;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>The report form and the lock: the same rules as the bot and the API (scope, locked period, checked file, audit).</summary>
public sealed class ConsoleImplementationFormTests
{
    [Fact]
    public async Task A_unit_admin_records_a_report_with_evidence_in_the_console_and_the_bloc_admin_sees_it_in_the_matrix()
    {
        await using var bot = await StartAsync();
        GrantUnitAdmins(bot);
        using var snv = await SignedInAsync(bot, UnitAdminInScope);
        using var bloc = await SignedInAsync(bot, BlocAdmin);
        var period = bot.Get<ImplementationService>().CurrentPeriod;
        var path = $"/console/implementation/SNV/L2?period={period.Id}";

        var response = await ConsoleImplementationTests.PostReportAsync(snv, path, Fields("Done", "Đã ban hành kế hoạch số 12-KH.", "Đề nghị có mẫu báo cáo chung."),
            ("ke-hoach.pdf", ConsoleImplementationFixture.Pdf));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(path + "&saved=1", response.Headers.Location!.OriginalString);
        var page = await snv.Http.GetStringAsync(path + "&saved=1");
        Assert.Contains("Đã lưu báo cáo", page, StringComparison.Ordinal);
        Assert.Contains("Đã ban hành kế hoạch số 12-KH.", page, StringComparison.Ordinal);
        var matrix = await bloc.Http.GetStringAsync("/console/implementation?period=" + period.Id);
        Assert.Contains($"data-status=\"Done\" href=\"/console/implementation/SNV/L2?period={period.Id}\"", matrix, StringComparison.Ordinal);
        Assert.Equal(ConsoleImplementationFixture.Pdf, await bloc.Http.GetByteArrayAsync($"/console/implementation/SNV/L2/evidence?period={period.Id}"));
        // Audited as the console's change of that person; the kiến nghị went to the bloc's feedback like the bot's.
        Assert.Contains(bot.Get<AuditLog>().Recent(50, "implementation.report"), e => e.Actor == UnitAdminInScope && e.Details.Contains("web:" + UnitAdminInScope, StringComparison.Ordinal));
        Assert.Contains(bot.Get<global::Directive920Bot.Engagement.IFeedback>().All(), f => f.Source == "implementation" && f.Text.Contains("Đề nghị có mẫu báo cáo chung.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_locked_period_refuses_changes_from_the_console_and_shows_no_form()
    {
        await using var bot = await StartAsync();
        GrantUnitAdmins(bot);
        using var snv = await SignedInAsync(bot, UnitAdminInScope);
        using var bloc = await SignedInAsync(bot, BlocAdmin);
        var period = bot.Get<ImplementationService>().CurrentPeriod;
        var path = $"/console/implementation/SNV/L1?period={period.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await ConsoleImplementationTests.PostReportAsync(snv, path, Fields("InProgress", "Bắt đầu."))).StatusCode);
        var formPage = await snv.Http.GetStringAsync(path);

        var lockPage = await bloc.Http.GetStringAsync("/console/implementation?period=" + period.Id);
        var locked = await bloc.PostAsync("/console/implementation/lock", lockPage, new Dictionary<string, string> { ["period"] = period.Id, ["locked"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.True(bot.Get<ImplementationService>().IsLocked(period));
        Assert.Contains(bot.Get<AuditLog>().Recent(20, "implementation.lock"), e => e.Actor == BlocAdmin && e.Target == period.Id);

        // The form the admin still has open is posted after the lock: refused, nothing changed.
        using var stale = new MultipartFormDataContent
        {
            { new StringContent(TokenOf(formPage)), "__af" },
            { new StringContent("Done"), "status" },
            { new StringContent("Sửa sau khi khóa."), "actions" },
        };
        var refused = await snv.Http.PostAsync(path, stale);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("đã bị khóa", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var report = bot.Get<ImplementationService>().Find(period, "SNV", "L1")!;
        Assert.Equal(ImplementationStatus.InProgress, report.Status);
        Assert.Equal("Bắt đầu.", report.Actions);
        Assert.DoesNotContain("id=\"report-form\"", await snv.Http.GetStringAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_or_lock_posted_without_the_form_token_is_refused_and_changes_nothing()
    {
        await using var bot = await StartAsync();
        GrantUnitAdmins(bot);
        using var snv = await SignedInAsync(bot, UnitAdminInScope);
        using var bloc = await SignedInAsync(bot, BlocAdmin);
        var period = bot.Get<ImplementationService>().CurrentPeriod;

        var report = await ConsoleImplementationTests.PostReportAsync(snv, $"/console/implementation/SNV/L1?period={period.Id}", Fields("Done", "Không có mã."), withToken: false);
        var locked = await bloc.PostAsync("/console/implementation/lock", null, new Dictionary<string, string> { ["period"] = period.Id, ["locked"] = "1" });

        Assert.Equal(HttpStatusCode.BadRequest, report.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Null(bot.Get<ImplementationService>().Find(period, "SNV", "L1"));
        Assert.False(bot.Get<ImplementationService>().IsLocked(period));
    }

    [Fact]
    public async Task Evidence_that_is_not_a_pdf_docx_or_image_is_refused_politely_and_nothing_is_stored()
    {
        await using var bot = await StartAsync();
        GrantUnitAdmins(bot);
        using var snv = await SignedInAsync(bot, UnitAdminInScope);
        var period = bot.Get<ImplementationService>().CurrentPeriod;

        var response = await ConsoleImplementationTests.PostReportAsync(snv, $"/console/implementation/SNV/L1?period={period.Id}", Fields("Done", "Có tệp lạ."),
            ("bao-cao.pdf", Encoding.UTF8.GetBytes("#!/bin/sh\necho not a pdf\n")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tệp phải là PDF, DOCX, PNG hoặc JPEG", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(bot.Get<ImplementationService>().Find(period, "SNV", "L1"));
        var folder = bot.Get<EvidenceFiles>().Folder;
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0);
    }

    private static Dictionary<string, string> Fields(string status, string actions, string proposals = "") => new()
    {
        ["status"] = status,
        ["actions"] = actions,
        ["results"] = "",
        ["difficulties"] = "",
        ["proposals"] = proposals,
        ["evidenceLink"] = "",
    };

    private static async Task<ConsoleBrowser> SignedInAsync(BotHarness bot, long user)
    {
        var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, user);
        return browser;
    }

    private static string TokenOf(string page) => System.Text.RegularExpressions.Regex.Match(page, "name=\"__af\" value=\"([^\"]+)\"").Groups[1].Value;
}
