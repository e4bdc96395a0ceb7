using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>The roster import of the People page: a preview with line-numbered errors or counts, and nothing written before “Ghi danh sách”.</summary>
public sealed class ConsolePeopleTests
{
    private const string Header = "full_name,unit_code,role,position,phone,dang_vien\n";

    [Fact]
    public async Task A_roster_with_a_bad_line_is_refused_in_the_preview_with_its_line_number_and_nothing_is_written()
    {
        await using var bot = await StartAsync();
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);
        var page = await browser.Http.GetStringAsync("/console/people");

        var response = await UploadAsync(browser, page, "roster.csv", Header + "Nguyễn Văn Một,SNV-VP,staff,,,\nX,SNV-VP,chief,,,\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("roster.csv:3: full_name 'X'", html, StringComparison.Ordinal);
        Assert.Contains("roster.csv:3: role 'chief'", html, StringComparison.Ordinal);
        Assert.DoesNotContain("roster-apply", html, StringComparison.Ordinal);
        Assert.Empty(bot.Get<IRoster>().All());
    }

    [Fact]
    public async Task A_clean_roster_is_previewed_with_its_counts_and_written_only_when_confirmed_and_audited()
    {
        await using var bot = await StartAsync();
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);
        var page = await browser.Http.GetStringAsync("/console/people");

        var preview = await UploadAsync(browser, page, "roster.csv", Header + "Nguyễn Văn Một,SNV-VP,staff,,,\nTrần Thị Hai,SNV-VP,leader,,,x\n");
        var html = await preview.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("thêm 2, cập nhật 0", html, StringComparison.Ordinal);
        Assert.Empty(bot.Get<IRoster>().All());

        var content = System.Text.RegularExpressions.Regex.Match(html, "name=\"content\" value=\"([^\"]+)\"").Groups[1].Value;
        var written = await browser.PostAsync("/console/people/roster", html,
            new Dictionary<string, string> { ["apply"] = "1", ["name"] = "roster.csv", ["content"] = content });

        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Contains("Đã ghi danh sách: thêm 2", await written.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, bot.Get<IRoster>().All().Count);
        var entry = Assert.Single(bot.Get<AuditLog>().Recent(20, "roster.import"));
        Assert.Equal(BlocAdmin, entry.Actor);
    }

    [Fact]
    public async Task A_unit_admin_cannot_write_another_units_roster_even_by_forging_the_confirmation()
    {
        await using var bot = await StartAsync();
        GrantUnitAdmins(bot);
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, UnitAdminOutOfScope);
        var page = await browser.Http.GetStringAsync("/console/people");
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(Header + "Nguyễn Văn Một,SNV-VP,staff,,,\n"));

        var response = await browser.PostAsync("/console/people/roster", page,
            new Dictionary<string, string> { ["apply"] = "1", ["name"] = "roster.csv", ["content"] = forged });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("không thuộc các đơn vị đồng chí quản trị", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(bot.Get<IRoster>().All());
    }

    [Fact]
    public async Task A_roster_upload_without_the_form_token_is_refused_and_nothing_is_written()
    {
        await using var bot = await StartAsync();
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(Header + "Nguyễn Văn Một,SNV-VP,staff,,,\n"));

        var response = await browser.PostAsync("/console/people/roster", page: null,
            new Dictionary<string, string> { ["apply"] = "1", ["name"] = "roster.csv", ["content"] = forged });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(bot.Get<IRoster>().All());
    }

    [Fact]
    public async Task The_people_search_shows_only_people_of_the_admins_scope()
    {
        await using var bot = await StartAsync();
        GrantUnitAdmins(bot);
        await bot.RegisterAsync(Cadre, "Đặng Thị Hằng", TargetUnit);
        using var inScope = new ConsoleBrowser(bot);
        using var outOfScope = new ConsoleBrowser(bot);
        await inScope.SignInAsync(bot, UnitAdminInScope);
        await outOfScope.SignInAsync(bot, UnitAdminOutOfScope);

        Assert.Contains("Đặng Thị Hằng", await inScope.Http.GetStringAsync("/console/people?q=hang"), StringComparison.Ordinal);
        Assert.DoesNotContain("Đặng Thị Hằng", await outOfScope.Http.GetStringAsync("/console/people?q=hang"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_people_search_is_paged_so_everyone_of_the_scope_can_be_reached_and_no_one_outside_it()
    {
        await using var bot = await StartAsync();
        GrantUnitAdmins(bot);
        var registered = bot.Clock.GetUtcNow().UtcDateTime;
        bot.Get<IStorage>().Write(tx =>
        {
            for (var i = 0; i < 60; i++)
            {
                bot.Get<ISubscribers>().Save(tx, new Subscriber
                {
                    Id = 60_000 + i, FullName = FormattableString.Invariant($"Cán Bộ {i:00}"), UnitCode = TargetUnit, Status = SubscriberStatus.Active, RegisteredAt = registered,
                });
            }

            bot.Get<ISubscribers>().Save(tx, new Subscriber { Id = 61_000, FullName = "Cán Bộ STC", UnitCode = OtherUnit, Status = SubscriberStatus.Active, RegisteredAt = registered });
        });
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, UnitAdminInScope);

        var first = await browser.Http.GetStringAsync("/console/people?q=can%20bo");
        var next = System.Text.RegularExpressions.Regex.Match(first, "<a href=\"([^\"]+)\" rel=\"next\"");
        Assert.True(next.Success, "no link to the next page");
        var second = await browser.Http.GetStringAsync(WebUtility.HtmlDecode(next.Groups[1].Value));

        Assert.Contains("Cán Bộ 00", first, StringComparison.Ordinal);
        Assert.Contains("Cán Bộ 49", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Cán Bộ 50", first, StringComparison.Ordinal);
        Assert.Contains("Trang 1/2", first, StringComparison.Ordinal);
        Assert.Contains("Cán Bộ 50", second, StringComparison.Ordinal);
        Assert.Contains("Cán Bộ 59", second, StringComparison.Ordinal);
        Assert.Contains("Trang 2/2", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Cán Bộ STC", first + second, StringComparison.Ordinal);
        Assert.Contains("Trang 2/2", await browser.Http.GetStringAsync("/console/people?q=can%20bo&page=7"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Http.GetAsync("/console/people?page=-1")).StatusCode);
    }

    private static Task<HttpResponseMessage> UploadAsync(ConsoleBrowser browser, string page, string name, string csv)
    {
        var form = new MultipartFormDataContent();
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__af\" value=\"([^\"]+)\"").Groups[1].Value;
        form.Add(new StringContent(token), "__af");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        return browser.Http.PostAsync("/console/people/roster", form);
    }
}
