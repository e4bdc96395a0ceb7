using System.Net;
using System.Text.Json;
using Directive920Bot.Admin;
using Directive920Bot.Implementation;
using static Directive920Bot.Tests.Implementation.ImplementationKit;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Implementation;

public sealed class ImplementationScopeTests
{
    [Fact]
    public async Task A_unit_admin_cannot_read_or_write_another_units_report_or_evidence_through_the_api()
    {
        await using var bot = await StartImplementationAsync();
        GrantUnitAdmins(bot);
        using var snv = bot.ApiAs(UnitAdminInScope);
        using var stc = bot.ApiAs(UnitAdminOutOfScope);
        using var cadre = bot.ApiAs(Cadre);

        var put = await snv.PutAsync(ReportPath("SNV", "L1"), Json("""{"status":"done","actions":"Đã tổ chức hội nghị quán triệt."}"""));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var upload = await snv.PostAsync(ReportPath("SNV", "L1") + "/evidence", Upload("bien-ban.pdf", Pdf));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

        // The STC admin: every way into SNV's report is refused, by path and by query.
        Assert.Equal(HttpStatusCode.Forbidden, (await stc.GetAsync(ReportPath("SNV"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stc.PutAsync(ReportPath("SNV", "L1"), Json("""{"status":"notStarted"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stc.PostAsync(ReportPath("SNV", "L1") + "/evidence", Upload("x.pdf", Pdf))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stc.GetAsync(ReportPath("snv", "L1") + "/evidence")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stc.GetAsync($"api/implementation/matrix?period={Period}&branch=SNV")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cadre.GetAsync(ReportPath("SNV"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cadre.GetAsync($"api/implementation/matrix?period={Period}")).StatusCode);
        using (var anonymous = bot.ApiAs(null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(ReportPath("SNV", "L1") + "/evidence")).StatusCode);
        }

        // Nothing changed, and the STC admin's own matrix holds STC alone.
        var stored = bot.Get<ImplementationService>().Find(ReportingPeriod.Containing(new DateOnly(2026, 12, 1), PeriodKind.Quarter), "SNV", "L1")!;
        Assert.Equal(ImplementationStatus.Done, stored.Status);
        Assert.NotNull(stored.Evidence);
        var matrix = JsonDocument.Parse(await stc.GetStringAsync($"api/implementation/matrix?period={Period}")).RootElement;
        Assert.Equal(["STC"], matrix.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("code").GetString()!).ToArray());

        // The SNV admin downloads the evidence as uploaded.
        Assert.Equal(Pdf, await snv.GetByteArrayAsync(ReportPath("SNV", "L1") + "/evidence"));
    }

    [Fact]
    public async Task A_unit_admin_cannot_report_for_another_unit_through_the_bot_even_with_a_button_of_that_unit()
    {
        await using var bot = await StartImplementationAsync();
        GrantUnitAdmins(bot);
        await bot.RegisterAsync(UnitAdminInScope, "Trần Văn Bình", "SNV-VP");
        await bot.RegisterAsync(UnitAdminOutOfScope, "Lê Thị Cúc", "STC-VP");

        // /thuchien offers each admin their own unit only.
        var stcCard = await bot.SayAsync(UnitAdminOutOfScope, "/thuchien", m => m.Text!.Contains("Nội dung L1", StringComparison.Ordinal));
        Assert.Contains("Sở Tài chính", bot.BotMessages(UnitAdminOutOfScope).Single(m => m.Text!.Contains("Kỳ báo cáo:", StringComparison.Ordinal)).Text!, StringComparison.Ordinal);
        var snvCard = await bot.SayAsync(UnitAdminInScope, "/thuchien", m => m.Text!.Contains("Nội dung L1", StringComparison.Ordinal));
        Assert.Contains("Sở Nội vụ", bot.BotMessages(UnitAdminInScope).Single(m => m.Text!.Contains("Kỳ báo cáo:", StringComparison.Ordinal)).Text!, StringComparison.Ordinal);
        _ = stcCard;

        // SNV's admin loses the role: the buttons on the card in their chat no longer change SNV's report.
        bot.Get<RoleService>().Revoke(BlocAdmin, UnitAdminInScope, AdminRole.UnitAdmin, ScopeUnit);
        await bot.PressAsync(UnitAdminInScope, snvCard, "Đã hoàn thành");
        Assert.Empty(bot.Get<IImplementationReports>().ForPeriod(Period));

        // A cadre is told nothing about the command.
        await bot.RegisterAsync(Cadre, "Phạm Văn Dũng", "SNV-VP");
        var unknown = await bot.SayAsync(Cadre, "/thuchien");
        Assert.DoesNotContain("Nội dung L1", unknown.Text!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_that_is_not_a_pdf_docx_or_image_or_is_too_large_is_refused_and_nothing_is_stored()
    {
        await using var bot = await StartImplementationAsync(new Dictionary<string, string?> { ["Implementation:MaxEvidenceBytes"] = "1024" });
        using var bloc = bot.ApiAs(BlocAdmin);
        var script = await bloc.PostAsync(ReportPath("SNV", "L2") + "/evidence", Upload("bao-cao.pdf", "#!/bin/sh\necho hi\n"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        Assert.Contains("file", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var large = await bloc.PostAsync(ReportPath("SNV", "L2") + "/evidence", Upload("lon.pdf", [.. Pdf, .. new byte[2048]]));
        Assert.Equal(HttpStatusCode.BadRequest, large.StatusCode);
        Assert.Empty(bot.Get<IImplementationReports>().ForPeriod(Period));
        var folder = bot.Get<EvidenceFiles>().Folder;
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0);
    }

    [Fact]
    public async Task Evidence_is_kept_outside_the_database_in_a_folder_only_the_service_user_can_read()
    {
        await using var bot = await StartImplementationAsync();
        using var bloc = bot.ApiAs(BlocAdmin);
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4 };
        Assert.Equal(HttpStatusCode.OK, (await bloc.PostAsync(ReportPath("STC", "S1") + "/evidence", Upload("anh.png", png, "image/png"))).StatusCode);

        var folder = bot.Get<EvidenceFiles>().Folder;
        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Equal(png, await File.ReadAllBytesAsync(file));
        Assert.DoesNotContain("anh", Path.GetFileName(file), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var report = bot.Get<IImplementationReports>().Find(ImplementationReport.IdFor(Period, "STC", "S1"))!;
        Assert.Equal("image/png", report.Evidence!.ContentType);
        Assert.Equal("anh.png", report.Evidence.FileName);
    }

    [Fact]
    public async Task An_uploaded_file_whose_change_is_refused_is_not_left_behind_in_the_evidence_folder()
    {
        // Regression: the bot, the API and the console store the file before the change is decided; a period locked a
        // moment earlier, or a text too long, refused the change and left the file unreferenced in the folder.
        await using var bot = await StartImplementationAsync();
        var service = bot.Get<ImplementationService>();
        var files = bot.Get<EvidenceFiles>();
        var period = service.CurrentPeriod;
        var actor = Directive920Bot.Admin.Actor.Console("test");

        var tooLong = files.Save(Pdf, "a.pdf", "application/pdf");
        var invalid = await service.ChangeAsync(actor, period, "SNV", "L1", new ReportChange(Actions: new string('x', ImplementationService.MaxText + 1), Evidence: tooLong));
        using var bloc = bot.ApiAs(BlocAdmin);
        Assert.Equal(HttpStatusCode.OK, (await bloc.PostAsync($"api/implementation/periods/{period.Id}/lock", null)).StatusCode);
        var late = files.Save(Pdf, "b.pdf", "application/pdf");
        var locked = await service.ChangeAsync(actor, period, "SNV", "L1", new ReportChange(Evidence: late));

        Assert.Equal((ChangeOutcome.Invalid, ChangeOutcome.Locked), (invalid, locked));
        Assert.Empty(Directory.GetFiles(files.Folder));
    }

    [Fact]
    public async Task Every_change_is_audited_and_a_locked_period_refuses_changes_until_a_bloc_admin_unlocks_it()
    {
        await using var bot = await StartImplementationAsync();
        GrantUnitAdmins(bot);
        using var snv = bot.ApiAs(UnitAdminInScope);
        using var bloc = bot.ApiAs(BlocAdmin);
        Assert.Equal(HttpStatusCode.OK, (await snv.PutAsync(ReportPath("SNV", "L3"), Json("""{"status":"inProgress"}"""))).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await snv.PostAsync($"api/implementation/periods/{Period}/lock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bloc.PostAsync($"api/implementation/periods/{Period}/lock", null)).StatusCode);
        var refused = await snv.PutAsync(ReportPath("SNV", "L3"), Json("""{"status":"done"}"""));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await snv.PostAsync(ReportPath("SNV", "L3") + "/evidence", Upload("a.pdf", Pdf))).StatusCode);
        Assert.Equal(ImplementationStatus.InProgress, bot.Get<IImplementationReports>().Find(ImplementationReport.IdFor(Period, "SNV", "L3"))!.Status);

        Assert.Equal(HttpStatusCode.OK, (await bloc.DeleteAsync($"api/implementation/periods/{Period}/lock")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await snv.PutAsync(ReportPath("SNV", "L3"), Json("""{"status":"done"}"""))).StatusCode);

        var actions = bot.Get<AuditLog>().Recent(50).Where(e => e.Action.StartsWith("implementation.", StringComparison.Ordinal)).Select(e => e.Action).Reverse().ToArray();
        Assert.Equal(["implementation.report", "implementation.lock", "implementation.unlock", "implementation.report"], actions);
        Assert.Contains(bot.Get<AuditLog>().Recent(50), e => e.Action == "implementation.report" && e.Actor == UnitAdminInScope && e.Details.Contains("InProgress→Done", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_status_or_period_or_requirement_gets_a_problem_naming_the_field_and_changes_nothing()
    {
        await using var bot = await StartImplementationAsync();
        using var bloc = bot.ApiAs(BlocAdmin);
        var status = await bloc.PutAsync(ReportPath("SNV", "L1"), Json("""{"status":"finished"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
        Assert.Contains("\"status\"", await status.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var period = await bloc.GetAsync("api/implementation/units/SNV/periods/2026-Q5");
        Assert.Contains("\"period\"", await period.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var requirement = await bloc.PutAsync(ReportPath("SNV", "I4"), Json("""{"status":"done"}"""));
        Assert.Contains("\"requirement\"", await requirement.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var link = await bloc.PutAsync(ReportPath("SNV", "L1"), Json("""{"evidenceLink":"javascript:alert(1)"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, link.StatusCode);
        Assert.Empty(bot.Get<IImplementationReports>().ForPeriod(Period));
    }
}
