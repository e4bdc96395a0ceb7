using Directive920Bot.Admin;
using Directive920Bot.Tests.Reports;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>
/// The Nội dung, Ý kiến and role pages, forms and downloads × every kind of visitor: the server decides, whatever the URL
/// or the form says. The unit admin of SNV may name SNV-VP; the unit admin of STC may not, and learns nothing of it.
/// </summary>
public sealed class ConsoleDeskAuthorizationTests(ConsoleDeskFixture fixture) : IClassFixture<ConsoleDeskFixture>
{
    private const int SignIn = 302;

    public static TheoryData<string, string, string, Who, int> Matrix()
    {
        var data = new TheoryData<string, string, string, Who, int>();
        void Row(string method, string path, string form, int anonymous, int inScope, int outOfScope, int bloc)
        {
            data.Add(method, path, form, Who.Anonymous, anonymous);
            data.Add(method, path, form, Who.UnitAdminInScope, inScope);
            data.Add(method, path, form, Who.UnitAdminOutOfScope, outOfScope);
            data.Add(method, path, form, Who.BlocAdmin, bloc);
        }

        Row("GET", "/console/content", "", SignIn, 200, 200, 200);
        Row("GET", "/console/content/c2-shortcomings", "", SignIn, 200, 200, 200);
        Row("GET", "/console/content/no-such-item", "", SignIn, 404, 404, 404);
        Row("POST", "/console/content/reload", "", SignIn, 403, 403, 200);
        Row("GET", "/console/feedback", "", SignIn, 200, 200, 200);
        Row("GET", "/console/feedback?unit=SNV-VP&handled=no&kind=feedback", "", SignIn, 200, 403, 200);
        Row("GET", "/console/feedback?unit=snv-vp", "", SignIn, 200, 403, 200);
        Row("GET", "/console/feedback?unit=STC", "", SignIn, 403, 200, 200);
        Row("GET", "/console/feedback?unit=NO-SUCH-UNIT", "", SignIn, 403, 403, 404);
        Row("GET", "/console/feedback?from=2026-12-31&to=2026-11-01", "", SignIn, 400, 400, 400);
        Row("GET", "/console/feedback?handled=maybe", "", SignIn, 400, 400, 400);
        // Paged addresses: the scope is checked whatever the page; past the end is the last page; not a number is refused.
        Row("GET", "/console/feedback?page=2", "", SignIn, 200, 200, 200);
        Row("GET", "/console/feedback?unit=SNV-VP&page=2", "", SignIn, 200, 403, 200);
        Row("GET", "/console/feedback?unit=STC&kind=question&page=99", "", SignIn, 403, 200, 200);
        Row("GET", "/console/feedback?page=x", "", SignIn, 400, 400, 400);
        Row("GET", "/console/feedback.csv", "", SignIn, 200, 200, 200);
        Row("GET", "/console/feedback.csv?unit=SNV-VP", "", SignIn, 200, 403, 200);
        Row("GET", "/console/feedback.xlsx?unit=SNV-VP", "", SignIn, 200, 403, 200);
        Row("GET", "/console/feedback.xlsx?unit=STC", "", SignIn, 403, 200, 200);
        // Marking is idempotent: whoever marks second is sent back to the list too.
        Row("POST", "/console/feedback/handled", "kind=feedback&id=" + ConsoleDeskFixture.NamedSnv, SignIn, 302, 404, 302);
        Row("POST", "/console/feedback/handled", "kind=question&id=" + ConsoleDeskFixture.QuestionStc, SignIn, 404, 302, 302);
        Row("POST", "/console/feedback/handled", "kind=feedback&id=" + ConsoleDeskFixture.Anonymous, SignIn, 404, 404, 302);
        Row("POST", "/console/feedback/handled", "kind=feedback&id=no-such", SignIn, 404, 404, 404);
        Row("GET", "/console/people?page=2", "", SignIn, 200, 200, 200);
        Row("GET", "/console/people?q=hang&page=x", "", SignIn, 400, 400, 400);
        // The roster import form (confirmation step): a file naming STC is written for STC's admin and a bloc admin, and
        // refused (422, nothing written) for SNV's; an empty file is refused for everyone.
        Row("POST", "/console/people/roster", "apply=1&name=roster.csv&content=" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
            "full_name,unit_code,role,position,phone,dang_vien\nNguyễn Văn Ma Trận,STC,staff,,,\n")), SignIn, 422, 200, 200);
        Row("POST", "/console/people/roster", "apply=1&name=roster.csv&content=", SignIn, 400, 400, 400);
        Row("POST", "/console/people/role", "user=424242&role=unit&unit=SNV-VP&action=grant", SignIn, 403, 403, 200);
        Row("POST", "/console/people/role", "user=424242&role=bloc&action=revoke", SignIn, 403, 403, 200);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_desk_page_form_and_download_answers_each_visitor_as_the_table_says(string method, string path, string form, Who who, int expected)
    {
        var browser = fixture.Browsers[who];
        HttpResponseMessage response;
        if (method == "POST")
        {
            // With the form token of a page the visitor could open: only the role and the scope decide.
            var page = who == Who.Anonymous ? null : await browser.Http.GetStringAsync("/console");
            var fields = form.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            response = await browser.PostAsync(path, page, fields);
        }
        else
        {
            response = await browser.Http.GetAsync(path);
        }

        Assert.Equal(expected, (int)response.StatusCode);
        if (expected == SignIn && who == Who.Anonymous)
        {
            Assert.Contains("/signin", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_unit_admin_who_posts_the_role_form_anyway_changes_nothing_and_is_told_why()
    {
        var browser = fixture.Browsers[Who.UnitAdminInScope];
        var page = await browser.Http.GetStringAsync("/console/people");

        var response = await browser.PostAsync("/console/people/role", page,
            new Dictionary<string, string> { ["user"] = ReportsTestSupport.UnitAdminInScope.ToString(System.Globalization.CultureInfo.InvariantCulture), ["role"] = "bloc", ["action"] = "grant" });

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Contains("Chỉ quản trị Khối được cấp hoặc thu hồi quyền", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(fixture.Bot.Get<IAccessPolicy>().For(ReportsTestSupport.UnitAdminInScope).IsBlocAdmin);
        Assert.DoesNotContain("id=\"role-form\"", page, StringComparison.Ordinal);
    }
}
