using System.Net;
using Directive920Bot.Admin;
using Directive920Bot.Reports;
using Directive920Bot.Tests.Infrastructure;
using Directive920Bot.Tests.Reports;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>One running service and a signed-in browser per admin: unit admins of SNV and STC, a bloc admin, and nobody.</summary>
public sealed class ConsoleAuthorizationFixture : SignedInConsoleFixture
{
    /// <summary>Campaign ids for the addresses of the matrix: <c>{snv}</c> (to SNV-VP), <c>{stc}</c> and <c>{all}</c> (everyone).</summary>
    public Dictionary<string, string> Campaigns { get; } = [];

    protected override async Task SeedAsync()
    {
        GrantUnitAdmins(Bot);
        await Bot.RegisterAsync(Cadre, "Đặng Thị Hằng", TargetUnit);
        ImportDemoRoster(Bot);
        Bot.Get<global::Directive920Bot.Storage.IStorage>().Write(tx => Bot.Get<ReportCounters>().RecordDelivered(tx, Sent(Cadre, TargetUnit, "c2-shortcomings", Bot.Clock.GetUtcNow().UtcDateTime)));
        // Due tomorrow, so nothing is sent while the matrix runs; created by the server's operator, so the bloc admin
        // is not the creator (approval answers 409: not waiting, approval is off).
        var campaigns = Bot.Get<global::Directive920Bot.Delivery.CampaignService>();
        var tomorrow = Bot.Clock.GetUtcNow().AddDays(1);
        foreach (var (key, audience) in new[]
        {
            ("{snv}", new global::Directive920Bot.Delivery.AudienceRequest([TargetUnit])),
            ("{stc}", new global::Directive920Bot.Delivery.AudienceRequest([OtherUnit])),
            ("{all}", new global::Directive920Bot.Delivery.AudienceRequest(All: true)),
        })
        {
            Campaigns[key] = campaigns.Create(new global::Directive920Bot.Delivery.CampaignRequest(null, "Họp chi bộ", audience, tomorrow), Actor.Console("ops")).Id;
        }

    }
}

/// <summary>
/// Every page, form and download of the console × every kind of visitor: the server decides, whatever the URL says.
/// A unit admin of SNV may open SNV-VP (below SNV); the unit admin of STC may not, by changing the address or otherwise.
/// </summary>
public sealed class ConsoleAuthorizationTests(ConsoleAuthorizationFixture fixture) : IClassFixture<ConsoleAuthorizationFixture>
{
    private const int SignIn = 302;

    public static TheoryData<string, string, Who, int> Matrix()
    {
        var data = new VisitorTable();

        data.Row("GET", "/console", SignIn, 200, 200, 200);
        data.Row("GET", "/console/units", SignIn, 200, 200, 200);
        data.Row("GET", "/console/units/SNV-VP", SignIn, 200, 403, 200);
        data.Row("GET", "/console/units/snv-vp?status=pending", SignIn, 200, 403, 200);
        data.Row("GET", "/console/units/SNV-VP?page=2&q=hang", SignIn, 200, 403, 200);
        data.Row("GET", "/console/units/STC", SignIn, 403, 200, 200);
        data.Row("GET", "/console/units/NO-SUCH-UNIT", SignIn, 403, 403, 404);
        data.Row("GET", "/console/units/SNV-VP/members.csv", SignIn, 200, 403, 200);
        data.Row("GET", "/console/units/SNV-VP/members.xlsx", SignIn, 200, 403, 200);
        data.Row("GET", "/console/units/SNV-VP/thematic.docx?from=2026-11-01&to=2026-11-30", SignIn, 200, 403, 200);
        data.Row("GET", "/console/units/SNV-VP/thematic.docx?from=2026-12-31&to=2026-11-30", SignIn, 400, 403, 400);
        data.Row("GET", "/console/units/STC/members.csv", SignIn, 403, 200, 200);
        data.Row("GET", "/console/units/SNV-VP/invite-qr.png", SignIn, 200, 403, 200);
        data.Row("GET", "/console/units/STC/invite-qr.png", SignIn, 403, 200, 200);
        data.Row("GET", "/console/people", SignIn, 200, 200, 200);
        data.Row("GET", "/console/people?q=hang", SignIn, 200, 200, 200);
        data.Row("GET", "/console/audit", SignIn, 403, 403, 200);
        data.Row("GET", "/console/audit?action=console.signin&page=2", SignIn, 403, 403, 200);
        data.Row("GET", "/console/audit?page=x", SignIn, 403, 403, 400);
        data.Row("GET", "/console/audit?person=9001&action=console.signin&from=2026-11-01&to=2026-12-31", SignIn, 403, 403, 200);
        data.Row("GET", "/console/campaigns", SignIn, 403, 403, 200);
        data.Row("GET", "/console/campaigns/new", SignIn, 403, 403, 200);
        data.Row("GET", "/console/campaigns/{snv}", SignIn, 403, 403, 200);
        data.Row("GET", "/console/campaigns/{snv}?state=failed&page=2", SignIn, 403, 403, 200);
        data.Row("GET", "/console/campaigns/{snv}/progress", SignIn, 403, 403, 200);
        data.Row("GET", "/console/campaigns/{stc}", SignIn, 403, 403, 200);
        data.Row("GET", "/console/campaigns/{stc}/progress", SignIn, 403, 403, 200);
        data.Row("GET", "/console/campaigns/{all}", SignIn, 403, 403, 200);
        data.Row("GET", "/console/campaigns/no-such-campaign", SignIn, 403, 403, 404);
        data.Row("POST", "/console/campaigns/preview", SignIn, 403, 403, 200);
        data.Row("POST", "/console/campaigns/new", SignIn, 403, 403, 422);
        data.Row("POST", "/console/campaigns/{snv}/approve", SignIn, 403, 403, 409);
        data.Row("POST", "/console/campaigns/{all}/approve", SignIn, 403, 403, 409);
        data.Row("POST", "/console/campaigns/{snv}/resend", SignIn, 403, 403, 400);
        data.Row("POST", "/console/campaigns/{all}/resend", SignIn, 403, 403, 400);
        data.Row("POST", "/console/campaigns/{all}/cancel", SignIn, 403, 403, 302);
        data.Row("POST", "/console/units/STC/nudge", SignIn, 403, 302, 302);
        data.Row("POST", "/console/units/SNV-VP/nudge", SignIn, 302, 403, 302);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_page_form_and_download_answers_each_visitor_as_the_table_says(string method, string path, Who who, int expected)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var (key, id) in fixture.Campaigns)
        {
            path = path.Replace(key, id, StringComparison.Ordinal);
        }

        var browser = fixture.Browsers[who];
        HttpResponseMessage response;
        if (method == "POST")
        {
            // With the form token of a page the visitor could open: only the scope decides.
            var page = who == Who.Anonymous ? null : await browser.Http.GetStringAsync("/console");
            response = await browser.PostAsync(path, page);
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
    public async Task The_unit_list_and_overview_of_another_units_admin_show_nothing_of_SNV()
    {
        var browser = fixture.Browsers[Who.UnitAdminOutOfScope];

        var units = await browser.Http.GetStringAsync("/console/units");
        var overview = await browser.Http.GetStringAsync("/console");

        Assert.Contains("Sở Tài chính", units, StringComparison.Ordinal);
        Assert.DoesNotContain("SNV", units, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Nội vụ", units, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Nội vụ", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_admin_sees_the_members_of_their_sub_unit_and_the_export_names_them()
    {
        var browser = fixture.Browsers[Who.UnitAdminInScope];

        var page = await browser.Http.GetStringAsync("/console/units/SNV-VP");
        var csv = await browser.Http.GetStringAsync("/console/units/SNV-VP/members.csv");

        Assert.Contains("Đặng Thị Hằng", page, StringComparison.Ordinal);
        Assert.Contains("Đặng Thị Hằng", csv, StringComparison.Ordinal);
        Assert.Contains(fixture.Bot.Get<AuditLog>().Recent(200, "export"), e => e.Actor == UnitAdminInScope && e.Details.Contains("web console", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_audit_page_filters_by_person_and_action()
    {
        var browser = fixture.Browsers[Who.BlocAdmin];

        var page = await browser.Http.GetStringAsync($"/console/audit?person={UnitAdminInScope}&action=console.signin");

        Assert.Contains("console.signin", page, StringComparison.Ordinal);
        Assert.Contains(">" + UnitAdminInScope + "<", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">" + BlocAdmin + "<", page, StringComparison.Ordinal);
    }
}
