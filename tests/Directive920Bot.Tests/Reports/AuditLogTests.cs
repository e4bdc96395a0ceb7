using System.Net.Http.Json;
using System.Text;
using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Reports;

/// <summary>Every privileged action leaves an audit entry: who, what, when. Nudges and the bot's DOCX are in ReportCommandTests.</summary>
public sealed class AuditLogTests
{
    [Fact]
    public async Task A_grant_in_the_bot_waits_for_confirmation_and_is_audited()
    {
        await using var bot = await StartAsync();
        bot.User(BlocAdmin);

        var ask = await bot.SayAsync(BlocAdmin, "/grant 8001 unit SNV");
        Assert.Equal(AdminRole.Cadre, bot.Get<IAccessPolicy>().For(8001).Role);
        Assert.Empty(bot.Get<AuditLog>().Recent(action: "role.grant"));
        await bot.PressAsync(BlocAdmin, ask, "Xác nhận");

        Assert.Equal(new AccessGrant(AdminRole.UnitAdmin, ["SNV"]).Units, bot.Get<IAccessPolicy>().For(8001).Units);
        var entry = Assert.Single(bot.Get<AuditLog>().Recent(action: "role.grant"));
        Assert.Equal((BlocAdmin, "8001", "UnitAdmin SNV", bot.Clock.GetUtcNow().UtcDateTime), (entry.Actor, entry.Target, entry.Details, entry.At));
        Assert.Contains("Đã cấp quyền", bot.Current(BlocAdmin, ask.MessageId).Text, StringComparison.Ordinal);

        // A redelivered press (the buttons are gone from the edited message) grants nothing twice.
        var data = ask.Buttons.SelectMany(r => r).Single(b => b.Text.Contains("Xác nhận", StringComparison.Ordinal)).CallbackData!;
        await Engagement.EngagementKit.RouteCallbackAsync(bot, BlocAdmin, data, ask.MessageId);
        Assert.Single(bot.Get<IRoles>().For(8001));
        Assert.Single(bot.Get<AuditLog>().Recent(action: "role.grant"));
    }

    [Fact]
    public async Task A_revocation_in_the_bot_is_audited_and_a_cancelled_one_changes_nothing()
    {
        await using var bot = await StartAsync();
        GrantUnitAdmins(bot);
        bot.User(BlocAdmin);

        var cancelled = await bot.SayAsync(BlocAdmin, "/revoke 9002 unit SNV");
        await bot.PressAsync(BlocAdmin, cancelled, "Hủy");
        Assert.Equal(AdminRole.UnitAdmin, bot.Get<IAccessPolicy>().For(UnitAdminInScope).Role);

        var ask = await bot.SayAsync(BlocAdmin, "/thuhoiquyen 9002 unit SNV");
        await bot.PressAsync(BlocAdmin, ask, "Xác nhận");

        Assert.Equal(AdminRole.Cadre, bot.Get<IAccessPolicy>().For(UnitAdminInScope).Role);
        var entry = Assert.Single(bot.Get<AuditLog>().Recent(action: "role.revoke"));
        Assert.Equal((BlocAdmin, "9002", "UnitAdmin SNV"), (entry.Actor, entry.Target, entry.Details));
    }

    [Fact]
    public async Task A_revoked_admin_cannot_use_a_confirmation_button_issued_before()
    {
        await using var bot = await StartAsync();
        var roles = bot.Get<RoleService>();
        roles.Grant(BlocAdmin, 8002, AdminRole.BlocAdmin, null);
        bot.User(8002);
        var ask = await bot.SayAsync(8002, "/grant 8003 bloc");
        roles.Revoke(BlocAdmin, 8002, AdminRole.BlocAdmin, null);

        var press = await bot.PressAsync(8002, ask, "Xác nhận");

        Assert.Equal("Đồng chí không có quyền thực hiện thao tác này. Nếu cần quyền, đồng chí liên hệ quản trị viên Khối (Đảng ủy Khối các cơ quan tỉnh).", bot.Emulator.GetCallbackAnswer(press)!.Text);
        Assert.Equal(AdminRole.Cadre, bot.Get<IAccessPolicy>().For(8003).Role);
    }

    [Fact]
    public async Task Roles_changed_by_the_api_and_the_cli_are_audited_with_their_actor()
    {
        await using var bot = await StartAsync();
        using var http = bot.ApiAs(BlocAdmin);
        (await http.PostAsJsonAsync("/api/roles", new { userId = 8004, role = "unit", unit = "STC" })).EnsureSuccessStatusCode();
        (await http.DeleteAsync("/api/roles?userId=8004&role=unit&unit=STC")).EnsureSuccessStatusCode();
        var audit = (await http.GetFromJsonAsync<List<AuditEntry>>("/api/audit"))!;
        Assert.Equal(["role.revoke", "role.grant"], audit.Take(2).Select(e => e.Action));
        Assert.All(audit.Take(2), e => Assert.Equal((BlocAdmin, "8004"), (e.Actor, e.Target)));

        await bot.StopHostAsync();
        using var output = new StringWriter();
        Assert.Equal(0, await bot.RunCliAsync(output, "grant", "8005", "bloc", "--database", bot.DatabasePath));
        Assert.Equal(0, await bot.RunCliAsync(output, "roles", "--database", bot.DatabasePath));
        Assert.Contains("8005\tBlocAdmin", output.ToString(), StringComparison.Ordinal);
        await bot.StartHostAsync();
        var cli = bot.Get<AuditLog>().Recent(action: "role.grant")[0];
        Assert.Equal((AuditLog.Console, "8005", "BlocAdmin"), (cli.Actor, cli.Target, cli.Details));
    }

    [Fact]
    public async Task Roster_imports_exports_and_campaign_changes_through_the_api_are_audited()
    {
        await using var bot = await StartAsync();
        using var http = bot.ApiAs(BlocAdmin);
        var upload = await http.PostAsync("/api/rosters", RosterUpload("snv.csv", "full_name,unit_code,role\nBùi Văn Hiếu,SNV-VP,staff\n"));
        upload.EnsureSuccessStatusCode();
        (await http.GetAsync("/api/exports/members.csv?unit=SNV")).EnsureSuccessStatusCode();
        var created = await http.PostAsync("/api/campaigns", new StringContent("""{"text":"Thông báo họp","audience":{"all":true}}""", Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        var id = created.Headers.Location!.ToString().Split('/')[^1];
        (await http.PostAsync($"/api/campaigns/{id}/cancel", null)).EnsureSuccessStatusCode();

        var actions = bot.Get<AuditLog>().Recent().Select(e => (e.Action, e.Target)).Reverse().ToList();
        Assert.Equal(
            [("roster.import", "snv.csv"), ("export", "SNV"), ("campaign.create", $"/api/campaigns/{id}"), ("campaign.cancel", $"/api/campaigns/{id}/cancel")],
            actions);
        Assert.All(bot.Get<AuditLog>().Recent(), e => Assert.Equal(BlocAdmin, e.Actor));
    }

    [Fact]
    public async Task The_audit_log_api_is_for_bloc_admins_only()
    {
        await using var bot = await StartAsync();
        GrantUnitAdmins(bot);
        using var unit = bot.ApiAs(UnitAdminInScope);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await unit.GetAsync("/api/audit")).StatusCode);
    }
}
