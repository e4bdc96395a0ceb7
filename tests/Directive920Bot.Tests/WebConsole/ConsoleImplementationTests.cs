using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Directive920Bot.Admin;
using Directive920Bot.Implementation;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;
using Directive920Bot.Tests.Reports;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>
/// The console's Thực hiện, Cam kết and Báo cáo pages: one service, SNV's report on L1 with a PDF as evidence, a cadre's
/// commitment in SNV-VP, and a signed-in browser per kind of admin (SNV's, STC's, the bloc's) and nobody.
/// </summary>
public sealed class ConsoleImplementationFixture : SignedInConsoleFixture
{
    public const string CommitmentText = "Tôi cam kết nêu gương, không né tránh trách nhiệm.";

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public string Period { get; private set; } = "";

    protected override async Task SeedAsync()
    {
        GrantUnitAdmins(Bot);
        await Bot.RegisterAsync(Cadre, "Đặng Thị Hằng", TargetUnit);
        var service = Bot.Get<ImplementationService>();
        var period = service.CurrentPeriod;
        Period = period.Id;
        var evidence = Bot.Get<EvidenceFiles>().Save(Pdf, "bien-ban.pdf", "application/pdf");
        Assert.Equal(ChangeOutcome.Saved, await service.ChangeAsync(Actor.Web(UnitAdminInScope), period, "SNV", "L1",
            new ReportChange(ImplementationStatus.Done, "Đã tổ chức hội nghị quán triệt.", Evidence: evidence)));
        Assert.Equal(CommitmentOutcome.Saved, await Bot.Get<CommitmentService>().SetTextAsync(Bot.Get<ISubscribers>().Find(Cadre)!, "S1", CommitmentText));
    }
}

/// <summary>Every page, form, fragment and download of the implementation pages × every kind of visitor.</summary>
public sealed partial class ConsoleImplementationTests(ConsoleImplementationFixture fixture) : IClassFixture<ConsoleImplementationFixture>
{
    private const int SignIn = 302;
    private const int Redirect = 302;

    public static TheoryData<string, string, Who, int> Matrix()
    {
        var data = new VisitorTable();

        data.Row("GET", "/console/implementation", SignIn, 200, 200, 200);
        data.Row("GET", "/console/implementation?period={period}&branch=SNV", SignIn, 200, 403, 200);
        data.Row("GET", "/console/implementation?branch=NO-SUCH-UNIT", SignIn, 403, 403, 404);
        data.Row("GET", "/console/implementation?period=2026-X9", SignIn, 400, 400, 400);
        data.Row("GET", "/console/implementation/matrix.xlsx?period={period}", SignIn, 200, 200, 200);
        data.Row("GET", "/console/implementation/matrix.xlsx?branch=SNV", SignIn, 200, 403, 200);
        data.Row("GET", "/console/implementation/SNV/L1?period={period}", SignIn, 200, 403, 200);
        data.Row("GET", "/console/implementation/snv/l1", SignIn, 200, 403, 200);
        data.Row("GET", "/console/implementation/STC/L1", SignIn, 403, 200, 200);
        data.Row("GET", "/console/implementation/SNV/ZZ9", SignIn, 404, 403, 404);
        data.Row("GET", "/console/implementation/SNV-VP/L1", SignIn, 404, 403, 404);
        data.Row("GET", "/console/implementation/SNV/L1/evidence?period={period}", SignIn, 200, 403, 200);
        data.Row("GET", "/console/implementation/SNV/L2/evidence", SignIn, 404, 403, 404);
        data.Row("GET", "/console/commitments", SignIn, 200, 200, 200);
        data.Row("GET", "/console/commitments?year=20x6", SignIn, 400, 400, 400);
        data.Row("GET", "/console/reports", SignIn, 403, 403, 200);
        data.Row("GET", "/console/reports/thematic.docx?period={period}", SignIn, 403, 403, 200);
        data.Row("GET", "/console/reports/annual.docx?year=2026", SignIn, 403, 403, 200);
        data.Row("POST", "/console/implementation/SNV/L3?period={period}", SignIn, Redirect, 403, Redirect);
        data.Row("POST", "/console/implementation/STC/L3?period={period}", SignIn, 403, Redirect, Redirect);
        // Unlocking a period that is not locked: the form is the bloc's, and it changes nothing here.
        data.Row("POST", "/console/implementation/lock?unlock", SignIn, 403, 403, Redirect);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_implementation_page_form_and_download_answers_each_visitor_as_the_table_says(string method, string path, Who who, int expected)
    {
        var browser = fixture.Browsers[who];
        path = path.Replace("{period}", fixture.Period, StringComparison.Ordinal);
        HttpResponseMessage response;
        if (method == "POST")
        {
            var page = who == Who.Anonymous ? null : await browser.Http.GetStringAsync("/console");
            var fields = path.EndsWith("?unlock", StringComparison.Ordinal)
                ? new Dictionary<string, string> { ["period"] = fixture.Period, ["locked"] = "0" }
                : new Dictionary<string, string> { ["status"] = nameof(ImplementationStatus.InProgress) };
            response = await browser.PostAsync(path.Replace("?unlock", "", StringComparison.Ordinal), page, fields);
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
    public async Task The_matrix_names_each_status_in_words_and_another_units_admin_sees_only_their_unit()
    {
        var bloc = await fixture.Browsers[Who.BlocAdmin].Http.GetStringAsync("/console/implementation?period=" + fixture.Period);
        var stc = await fixture.Browsers[Who.UnitAdminOutOfScope].Http.GetStringAsync("/console/implementation?period=" + fixture.Period);

        // Colour and text: SNV's L1 cell is green and says so.
        Assert.Matches(new Regex("data-status=\"Done\"\\s+href=\"/console/implementation/SNV/L1\\?period=" + fixture.Period + "\"[^>]*>Đã hoàn thành</a>"), bloc);
        Assert.Contains("Chưa báo cáo", bloc, StringComparison.Ordinal);
        Assert.Contains("Sở Tài chính", stc, StringComparison.Ordinal);
        Assert.DoesNotContain("/console/implementation/SNV/", stc, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Nội vụ", stc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_evidence_downloads_as_uploaded_for_the_units_admin_and_the_bloc()
    {
        var path = $"/console/implementation/SNV/L1/evidence?period={fixture.Period}";

        Assert.Equal(ConsoleImplementationFixture.Pdf, await fixture.Browsers[Who.UnitAdminInScope].Http.GetByteArrayAsync(path));
        Assert.Equal(ConsoleImplementationFixture.Pdf, await fixture.Browsers[Who.BlocAdmin].Http.GetByteArrayAsync(path));
    }

    [Fact]
    public async Task A_unit_leader_reads_their_cadres_commitment_texts_and_the_bloc_only_counts()
    {
        var leader = await fixture.Browsers[Who.UnitAdminInScope].Http.GetStringAsync("/console/commitments");
        var other = await fixture.Browsers[Who.UnitAdminOutOfScope].Http.GetStringAsync("/console/commitments");
        var bloc = await fixture.Browsers[Who.BlocAdmin].Http.GetStringAsync("/console/commitments");

        Assert.Contains(ConsoleImplementationFixture.CommitmentText, leader, StringComparison.Ordinal);
        Assert.Contains("Đặng Thị Hằng", leader, StringComparison.Ordinal);
        Assert.DoesNotContain(ConsoleImplementationFixture.CommitmentText, other, StringComparison.Ordinal);
        Assert.DoesNotContain(ConsoleImplementationFixture.CommitmentText, bloc, StringComparison.Ordinal);
        Assert.DoesNotContain("Đặng Thị Hằng", bloc, StringComparison.Ordinal);
        // The bloc's count of S1 commitments is 1.
        Assert.Matches(new Regex(@"S1 — [^<]*</td>\s*<td class=""num"">1</td>"), bloc);
    }

    [Fact]
    public async Task The_reports_page_names_the_unset_issuing_body_keys()
    {
        var page = await fixture.Browsers[Who.BlocAdmin].Http.GetStringAsync("/console/reports");

        Assert.Contains("CommitteeReport:IssuingBody", page, StringComparison.Ordinal);
        Assert.Contains("/console/reports/annual.docx", page, StringComparison.Ordinal);
    }

    /// <summary>The report form as the page sends it: multipart, with the page's form token and, when given, a file.</summary>
    internal static async Task<HttpResponseMessage> PostReportAsync(ConsoleBrowser browser, string path, IDictionary<string, string> fields,
        (string Name, byte[] Content)? file = null, bool withToken = true)
    {
        var page = await browser.Http.GetStringAsync(path);
        using var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(Token().Match(page).Groups[1].Value), "__af");
        }

        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "file", f.Name);
        }

        return await browser.Http.PostAsync(path, form);
    }

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
