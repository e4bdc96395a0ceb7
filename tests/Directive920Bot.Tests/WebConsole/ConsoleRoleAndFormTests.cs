using System.Globalization;
using System.Net;
using Directive920Bot.Admin;
using Directive920Bot.Storage;
using Directive920Bot.WebConsole;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>Roles from the console with the bot's rules, and the anti-forgery token on the new forms.</summary>
public sealed class ConsoleRoleAndFormTests
{
    [Fact]
    public async Task A_bloc_admin_grants_and_revokes_a_unit_admin_role_and_each_change_is_audited_once()
    {
        await using var bot = await StartAsync();
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);
        var page = await browser.Http.GetStringAsync("/console/people");
        Assert.Contains("id=\"role-form\"", page, StringComparison.Ordinal);
        var user = Cadre.ToString(CultureInfo.InvariantCulture);
        Dictionary<string, string> Form(string action) => new() { ["user"] = user, ["role"] = "unit", ["unit"] = "snv-vp", ["action"] = action };

        var granted = await browser.PostAsync("/console/people/role", page, Form("grant"));
        var again = await browser.PostAsync("/console/people/role", page, Form("grant"));

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Contains($"Đã cấp quyền UnitAdmin SNV-VP cho người dùng {user}", await granted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("không có gì thay đổi", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["SNV-VP"], bot.Get<IAccessPolicy>().For(Cadre).Units);
        Assert.Single(bot.Get<AuditLog>().Recent(100, "role.grant"), e => e.Actor == BlocAdmin && e.Target == user);

        var revoked = await browser.PostAsync("/console/people/role", page, Form("revoke"));

        Assert.Contains("Đã thu hồi quyền", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(bot.Get<IAccessPolicy>().For(Cadre).IsAdmin);
        Assert.Single(bot.Get<AuditLog>().Recent(100, "role.revoke"), e => e.Actor == BlocAdmin && e.Target == user);
    }

    [Theory]
    [InlineData("unit", "NO-SUCH", "grant", "Không có đơn vị mã")]
    [InlineData("unit", "", "grant", "Chưa đủ thông tin")]
    [InlineData("king", "", "grant", "Chưa đủ thông tin")]
    [InlineData("bloc", "", "promote", "Chưa đủ thông tin")]
    public async Task A_role_form_that_names_no_real_role_or_unit_is_refused_politely_and_changes_nothing(string role, string unit, string action, string expected)
    {
        await using var bot = await StartAsync();
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);
        var page = await browser.Http.GetStringAsync("/console/people");

        var response = await browser.PostAsync("/console/people/role", page,
            new Dictionary<string, string> { ["user"] = Cadre.ToString(CultureInfo.InvariantCulture), ["role"] = role, ["unit"] = unit, ["action"] = action });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(bot.Get<IAccessPolicy>().For(Cadre).IsAdmin);
        Assert.Empty(bot.Get<AuditLog>().Recent(100, "role.grant"));
    }

    [Fact]
    public async Task The_role_form_and_mark_handled_posted_without_the_form_token_are_refused_and_change_nothing()
    {
        await using var bot = await StartAsync();
        bot.Get<IStorage>().Write(tx => bot.Get<global::Directive920Bot.Engagement.IFeedback>().Upsert(tx,
            new global::Directive920Bot.Engagement.Feedback { Id = "fb1", Anonymous = true, Text = "x", CreatedAt = bot.Clock.GetUtcNow().UtcDateTime.Date }));
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);

        var role = await browser.PostAsync("/console/people/role", page: null,
            new Dictionary<string, string> { ["user"] = Cadre.ToString(CultureInfo.InvariantCulture), ["role"] = "bloc", ["action"] = "grant" });
        var handled = await browser.PostAsync("/console/feedback/handled", page: null, new Dictionary<string, string> { ["kind"] = "feedback", ["id"] = "fb1" });

        Assert.Equal(HttpStatusCode.BadRequest, role.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, handled.StatusCode);
        Assert.False(bot.Get<IAccessPolicy>().For(Cadre).IsAdmin);
        Assert.Empty(bot.Get<IHandledMarks>().Find(["feedback:fb1"]));
        Assert.Empty(bot.Get<AuditLog>().Recent(100, "feedback.handled"));
    }
}
