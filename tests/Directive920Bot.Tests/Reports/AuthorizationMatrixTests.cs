using System.Net;
using System.Net.Http.Json;
using Directive920Bot.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Directive920Bot.Tests.Infrastructure;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Reports;

public enum Who
{
    Anonymous,
    Cadre,
    UnitAdminInScope,
    UnitAdminOutOfScope,
    BlocAdmin,
}

/// <summary>One running service shared by every row of the matrix: registered cadre, unit admins of SNV and STC, a super-admin.</summary>
public sealed class AuthorizationMatrixFixture : IAsyncLifetime
{
    public BotHarness Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bot = await StartAsync();
        GrantUnitAdmins(Bot);
        await Bot.RegisterAsync(Cadre, "Đặng Thị Hằng", TargetUnit);
        ImportDemoRoster(Bot);
        Bot.Get<Directive920Bot.Storage.IStorage>().Write(tx => Bot.Get<ReportCounters>().RecordDelivered(tx, Sent(Cadre, TargetUnit, "c2-shortcomings", Bot.Clock.GetUtcNow().UtcDateTime)));
    }

    public async Task DisposeAsync() => await Bot.DisposeAsync();

    public static long? UserOf(Who who) => who switch
    {
        Who.Cadre => Cadre,
        Who.UnitAdminInScope => UnitAdminInScope,
        Who.UnitAdminOutOfScope => UnitAdminOutOfScope,
        Who.BlocAdmin => BlocAdmin,
        _ => null,
    };
}

/// <summary>
/// Every admin bot command and every admin API endpoint × every role: cadre, unit admin in scope, unit admin out of
/// scope, bloc admin (and no credentials at all for the API). The expected outcome is the table; the server decides.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    private const string Unknown = "chưa hiểu lệnh này";
    private const string Denied = "không có quyền";

    // (command, who, text the reply must contain). Unit admins out of scope name a unit they do not hold.
    public static TheoryData<string, Who, string> Commands => new()
    {
        { "/report SNV-VP", Who.Cadre, Unknown },
        { "/report SNV-VP", Who.UnitAdminInScope, "Báo cáo: Văn phòng Sở Nội vụ" },
        { "/report SNV-VP", Who.UnitAdminOutOfScope, Denied },
        { "/report SNV-VP", Who.BlocAdmin, "Báo cáo: Văn phòng Sở Nội vụ" },
        { "/baocao", Who.Cadre, Unknown },
        { "/baocao", Who.UnitAdminInScope, "Báo cáo: Sở Nội vụ" },
        { "/baocao", Who.UnitAdminOutOfScope, "Báo cáo: Sở Tài chính" },
        { "/baocao", Who.BlocAdmin, "Báo cáo: Đảng bộ Khối" },
        { "/members SNV-VP", Who.Cadre, Unknown },
        { "/members SNV-VP", Who.UnitAdminInScope, "Đối chiếu danh sách — Văn phòng Sở Nội vụ" },
        { "/members SNV-VP", Who.UnitAdminOutOfScope, Denied },
        { "/members SNV-VP", Who.BlocAdmin, "Đối chiếu danh sách — Văn phòng Sở Nội vụ" },
        { "/web", Who.Cadre, Unknown },
        { "/web", Who.UnitAdminInScope, "/signin/" },
        { "/web", Who.UnitAdminOutOfScope, "/signin/" },
        { "/web", Who.BlocAdmin, "/signin/" },
        // The invite QR code: a photo for a unit the admin holds (InviteQrTests); here the refusals and the question.
        { "/lienket", Who.Cadre, "Mã liên kết của đồng chí" },
        { "/link 0000 000", Who.Cadre, "gồm 8 chữ số" },
        { "/huylienket", Who.Cadre, "chỉ có một tài khoản (Telegram)" },
        { "/unlink", Who.BlocAdmin, "chưa đăng ký" },
        { "/capquyen zalo:zu-nobody bloc", Who.UnitAdminInScope, Unknown },
        { "/capquyen zalo:zu-nobody bloc", Who.BlocAdmin, "Chưa có ai dùng bot từ địa chỉ" },
        { "/maqr SNV-VP", Who.Cadre, Unknown },
        { "/maqr STC", Who.UnitAdminInScope, "chỉ lấy được mã QR của đơn vị mình quản trị" },
        { "/maqr SNV-VP", Who.UnitAdminOutOfScope, "chỉ lấy được mã QR của đơn vị mình quản trị" },
        { "/maqr", Who.BlocAdmin, "ghi mã đơn vị sau lệnh" },
        { "/roster", Who.Cadre, Unknown },
        { "/roster", Who.UnitAdminInScope, "full_name,unit_code" },
        { "/roster", Who.UnitAdminOutOfScope, "full_name,unit_code" },
        { "/roster", Who.BlocAdmin, "full_name,unit_code" },
        { "/grant 7777 unit SNV-VP", Who.Cadre, Unknown },
        { "/grant 7777 unit SNV-VP", Who.UnitAdminInScope, Unknown },
        { "/grant 7777 unit SNV-VP", Who.UnitAdminOutOfScope, Unknown },
        { "/grant 7777 unit SNV-VP", Who.BlocAdmin, "xác nhận <b>cấp</b>" },
        { "/revoke 7777 unit SNV-VP", Who.Cadre, Unknown },
        { "/revoke 7777 unit SNV-VP", Who.UnitAdminInScope, Unknown },
        { "/revoke 7777 unit SNV-VP", Who.UnitAdminOutOfScope, Unknown },
        { "/revoke 7777 unit SNV-VP", Who.BlocAdmin, "xác nhận <b>thu hồi</b>" },
        { "/broadcast", Who.Cadre, Unknown },
        { "/broadcast", Who.UnitAdminInScope, Unknown },
        { "/broadcast", Who.UnitAdminOutOfScope, Unknown },
        { "/broadcast", Who.BlocAdmin, "Đồng chí muốn gửi gì?" },
        { "/guithongbao", Who.Cadre, Unknown },
        { "/guithongbao", Who.BlocAdmin, "Đồng chí muốn gửi gì?" },
        { "/campaigns", Who.Cadre, Unknown },
        { "/campaigns", Who.UnitAdminInScope, Unknown },
        { "/campaigns", Who.UnitAdminOutOfScope, Unknown },
        { "/campaigns", Who.BlocAdmin, "hiến dịch" },
        { "/dotgui", Who.UnitAdminInScope, Unknown },
        { "/dotgui", Who.BlocAdmin, "hiến dịch" },
        // Implementation: the dialogue needs a registered admin (the fixture's admins are not); the scope per unit is
        // ImplementationScopeTests'.
        { "/luutru", Who.Cadre, Unknown },
        { "/luutru", Who.UnitAdminInScope, Unknown },
        { "/luutru", Who.UnitAdminOutOfScope, Unknown },
        { "/luutru", Who.BlocAdmin, "lần chạy tới sẽ xóa" },
        { "/thuchien", Who.Cadre, Unknown },
        { "/thuchien", Who.UnitAdminInScope, "trước khi báo cáo kết quả thực hiện" },
        { "/thuchien", Who.UnitAdminOutOfScope, "trước khi báo cáo kết quả thực hiện" },
        { "/thuchien", Who.BlocAdmin, "trước khi báo cáo kết quả thực hiện" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task An_admin_command_answers_each_role_as_the_matrix_says(string command, Who who, string expected)
    {
        var user = AuthorizationMatrixFixture.UserOf(who)!.Value;
        fixture.Bot.User(user);
        var reply = await fixture.Bot.SayAsync(user, command, m => m.Photo is null);
        Assert.Contains(expected, reply.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_admin_command_of_the_bot_is_in_the_matrix()
    {
        var router = fixture.Bot.Get<Directive920Bot.Telegram.UpdateRouter>();
        var admin = router.Commands.Where(c => c.Access is Directive920Bot.Channels.CommandAccess.UnitAdmin or Directive920Bot.Channels.CommandAccess.BlocAdmin)
            .Select(c => c.Name).ToHashSet();
        var covered = Commands.Select(row => ((string)row[0]).TrimStart('/').Split(' ')[0]).ToHashSet();
        covered.UnionWith(router.Commands.Where(c => c.Aliases.Any(covered.Contains)).Select(c => c.Name));
        Assert.Empty(admin.Except(covered));
    }

    private static readonly (string Method, string Url)[] Endpoints =
    [
        ("GET", "/api/roles"), ("POST", "/api/roles"), ("DELETE", "/api/roles?userId=7778&role=unit&unit=SNV-VP"), ("GET", "/api/audit"), ("GET", "/api/retention/preview"),
        ("POST", "/api/rosters"), ("GET", "/api/rosters/mismatches?unit=SNV-VP"),
        ("GET", "/api/reports/units"), ("GET", "/api/reports/units/SNV-VP"), ("GET", "/api/reports/items/c2-shortcomings"),
        ("GET", "/api/reports/questions?unit=SNV-VP"),
        ("GET", "/api/exports/units.csv"), ("GET", "/api/exports/units.xlsx"), ("GET", "/api/exports/members.csv?unit=SNV-VP"),
        ("GET", "/api/exports/members.xlsx?unit=SNV-VP"), ("GET", "/api/exports/thematic.docx?unit=SNV-VP"),
        ("GET", "/api/campaigns"), ("POST", "/api/campaigns"), ("GET", "/api/campaigns/nope"), ("POST", "/api/campaigns/nope/cancel"),
        ("GET", "/api/feedback"), ("GET", "/api/escalations"), ("POST", "/api/items/c2-shortcomings/reack"),
        ("POST", "/api/campaigns/nope/resend-failed"), ("POST", "/api/campaigns/nope/approve"), ("GET", "/api/campaigns/nope/deliveries"), ("GET", "/api/campaigns/nope/preview"),
        ("GET", "/api/questions/unanswered"), ("GET", "/api/questions/unanswered?format=csv"),
        ("POST", "/api/admin/backup"),
        ("GET", "/api/implementation/requirements"), ("GET", Implementation), ("PUT", Implementation + "/L1"),
        ("POST", Implementation + "/L1/evidence"), ("GET", Implementation + "/L1/evidence"),
        ("GET", "/api/implementation/matrix"), ("GET", "/api/implementation/matrix.csv"), ("GET", "/api/implementation/matrix.xlsx"),
        ("GET", "/api/implementation/proposals"), ("POST", "/api/implementation/periods/2026-Q1/lock"), ("DELETE", "/api/implementation/periods/2026-Q1/lock"),
        ("GET", "/api/commitments/summary"), ("GET", "/api/commitments/units/SNV"),
        ("GET", "/api/exports/committee/thematic.docx?unit=SNV"), ("GET", "/api/exports/committee/annual.docx?unit=SNV"),
    ];

    // SNV is a reporting unit (depth 1) held by the in-scope unit admin; the lock rows use another period than the PUT.
    private const string Implementation = "/api/implementation/units/SNV/periods/2026-Q4";

    // Expected status per endpoint for: anonymous, cadre, unit admin in scope, unit admin out of scope, bloc admin.
    // Out-of-scope unit admins get 200 on whole-scope lists (filtered: see the test below) and 403/422 on a named unit.
    private static readonly Dictionary<string, int[]> Expected = new()
    {
        ["GET /api/roles"] = [401, 403, 403, 403, 200],
        ["POST /api/roles"] = [401, 403, 403, 403, 200],
        ["POST /api/admin/backup"] = [401, 403, 403, 403, 200],
        ["DELETE /api/roles?userId=7778&role=unit&unit=SNV-VP"] = [401, 403, 403, 403, 200],
        ["GET /api/audit"] = [401, 403, 403, 403, 200],
        ["GET /api/retention/preview"] = [401, 403, 403, 403, 200],
        ["POST /api/rosters"] = [401, 403, 200, 422, 200],
        ["GET /api/rosters/mismatches?unit=SNV-VP"] = [401, 403, 200, 403, 200],
        ["GET /api/reports/units"] = [401, 403, 200, 200, 200],
        ["GET /api/reports/units/SNV-VP"] = [401, 403, 200, 403, 200],
        ["GET /api/reports/items/c2-shortcomings"] = [401, 403, 200, 200, 200],
        ["GET /api/reports/questions?unit=SNV-VP"] = [401, 403, 200, 403, 200],
        ["GET /api/exports/units.csv"] = [401, 403, 200, 200, 200],
        ["GET /api/exports/units.xlsx"] = [401, 403, 200, 200, 200],
        ["GET /api/exports/members.csv?unit=SNV-VP"] = [401, 403, 200, 403, 200],
        ["GET /api/exports/members.xlsx?unit=SNV-VP"] = [401, 403, 200, 403, 200],
        ["GET /api/exports/thematic.docx?unit=SNV-VP"] = [401, 403, 200, 403, 200],
        // Delivery's campaigns: bloc admins only; a bloc admin's empty body is a validation problem, an unknown id 404.
        // Engagement's: feedback and escalations are scoped lists; re-acknowledgement is for bloc admins (no note: 400).
        ["GET /api/feedback"] = [401, 403, 200, 200, 200],
        ["GET /api/escalations"] = [401, 403, 200, 200, 200],
        // Questions': the unanswered list is scoped like feedback (whole-scope list, filtered).
        ["GET /api/questions/unanswered"] = [401, 403, 200, 200, 200],
        ["GET /api/questions/unanswered?format=csv"] = [401, 403, 200, 200, 200],
        ["POST /api/items/c2-shortcomings/reack"] = [401, 403, 403, 403, 400],
        ["GET /api/campaigns"] = [401, 403, 403, 403, 200],
        ["POST /api/campaigns"] = [401, 403, 403, 403, 400],
        ["GET /api/campaigns/nope"] = [401, 403, 403, 403, 404],
        ["POST /api/campaigns/nope/cancel"] = [401, 403, 403, 403, 404],
        ["POST /api/campaigns/nope/resend-failed"] = [401, 403, 403, 403, 404],
        ["POST /api/campaigns/nope/approve"] = [401, 403, 403, 403, 404],
        ["GET /api/campaigns/nope/deliveries"] = [401, 403, 403, 403, 404],
        ["GET /api/campaigns/nope/preview"] = [401, 403, 403, 403, 404],
        // Implementation: a named unit's report and evidence are scoped (403 out of scope); the matrix and proposals are
        // whole-scope lists (filtered); the evidence POST without a form is a 400 once in scope; no evidence yet is 404.
        ["GET /api/implementation/requirements"] = [401, 403, 200, 200, 200],
        [$"GET {Implementation}"] = [401, 403, 200, 403, 200],
        [$"PUT {Implementation}/L1"] = [401, 403, 200, 403, 200],
        [$"POST {Implementation}/L1/evidence"] = [401, 403, 400, 403, 400],
        [$"GET {Implementation}/L1/evidence"] = [401, 403, 404, 403, 404],
        ["GET /api/implementation/matrix"] = [401, 403, 200, 200, 200],
        ["GET /api/implementation/matrix.csv"] = [401, 403, 200, 200, 200],
        ["GET /api/implementation/matrix.xlsx"] = [401, 403, 200, 200, 200],
        ["GET /api/implementation/proposals"] = [401, 403, 200, 200, 200],
        ["POST /api/implementation/periods/2026-Q1/lock"] = [401, 403, 403, 403, 200],
        ["DELETE /api/implementation/periods/2026-Q1/lock"] = [401, 403, 403, 403, 200],
        // Commitments: counts are a whole-scope list (filtered); the texts of a unit's cadres are its own unit admins'
        // only — the bloc gets counts. The committee's drafts are scoped like the thematic DOCX.
        ["GET /api/commitments/summary"] = [401, 403, 200, 200, 200],
        ["GET /api/commitments/units/SNV"] = [401, 403, 200, 403, 403],
        ["GET /api/exports/committee/thematic.docx?unit=SNV"] = [401, 403, 200, 403, 200],
        ["GET /api/exports/committee/annual.docx?unit=SNV"] = [401, 403, 200, 403, 200],
    };

    public static TheoryData<string, string, Who> Requests()
    {
        var data = new TheoryData<string, string, Who>();
        foreach (var (method, url) in Endpoints)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                data.Add(method, url, who);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task An_admin_endpoint_answers_each_role_as_the_matrix_says(string method, string url, Who who)
    {
        using var http = fixture.Bot.ApiAs(AuthorizationMatrixFixture.UserOf(who));
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (url == "/api/roles" && method == "POST")
        {
            request.Content = JsonContent.Create(new { userId = 7778, role = "unit", unit = "SNV-VP" });
        }
        else if (method == "PUT" && url.StartsWith("/api/implementation/", StringComparison.Ordinal))
        {
            request.Content = JsonContent.Create(new { status = "inProgress" });
        }
        else if (url == "/api/rosters")
        {
            request.Content = RosterUpload("snv-vp.csv", "full_name,unit_code,role,position,phone\nBùi Văn Hiếu,SNV-VP,staff,Chuyên viên,0900000008\n");
        }

        using var response = await http.SendAsync(request);
        var expected = Expected[$"{method} {url}"][(int)who];
        if (expected == 200 && url == "/api/admin/backup" && fixture.Bot.UsesPostgres)
        {
            // Past the role check, PostgreSQL's backups are the operator's (pg_dump, WAL archiving): 409 with the reason.
            expected = 409;
        }

        Assert.Equal(expected, (int)response.StatusCode);
    }

    [Fact]
    public void Every_mapped_endpoint_is_in_the_matrix()
    {
        // Whatever any feature maps under /api must have a row here: the table is checked against the live endpoints.
        var mapped = fixture.Bot.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        var covered = Endpoints.Select(e => $"{e.Method} {Normalize(e.Url.Split('?')[0])}").ToHashSet();
        Assert.Empty(mapped.Except(covered));
        Assert.Empty(covered.Except(mapped));
    }

    private static string Normalize(string route) => System.Text.RegularExpressions.Regex.Replace(route.TrimEnd('/'), @"\{[^}]+\}", "{}")
        .Replace("/api/reports/units/SNV-VP", "/api/reports/units/{}", StringComparison.Ordinal)
        .Replace("/api/reports/items/c2-shortcomings", "/api/reports/items/{}", StringComparison.Ordinal)
        .Replace("/api/items/c2-shortcomings/", "/api/items/{}/", StringComparison.Ordinal)
        .Replace("/nope", "/{}", StringComparison.Ordinal)
        .Replace("/units/SNV/periods/2026-Q4", "/units/{}/periods/{}", StringComparison.Ordinal)
        .Replace("/periods/{}/L1", "/periods/{}/{}", StringComparison.Ordinal)
        .Replace("/periods/2026-Q1/", "/periods/{}/", StringComparison.Ordinal)
        .Replace("/api/commitments/units/SNV", "/api/commitments/units/{}", StringComparison.Ordinal);

    /// <summary>
    /// <c>GET /media/{token}</c> is outside <c>/api</c> and anonymous by design: Zalo's platform fetches the image with no
    /// credentials, and the 256-bit token is the capability. So every visitor, with or without a key, gets the same
    /// answer: the image for a live token, 404 for any other.
    /// </summary>
    [Theory]
    [InlineData(Who.Anonymous)]
    [InlineData(Who.Cadre)]
    [InlineData(Who.UnitAdminInScope)]
    [InlineData(Who.UnitAdminOutOfScope)]
    [InlineData(Who.BlocAdmin)]
    public async Task The_media_link_answers_every_visitor_alike_the_image_for_a_live_token_and_404_for_another(Who who)
    {
        var token = System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var now = fixture.Bot.Clock.GetUtcNow().UtcDateTime;
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        await fixture.Bot.Get<Directive920Bot.Storage.IStorage>().WriteAsync(tx => fixture.Bot.Get<Directive920Bot.Media.IMediaLinks>().Add(tx,
            new Directive920Bot.Media.MediaLink { Id = Directive920Bot.Media.MediaLinkService.Hash(token), ContentType = "image/png", Content = png, CreatedAt = now, ExpiresAt = now.AddHours(1) }));
        using var http = fixture.Bot.ApiAs(AuthorizationMatrixFixture.UserOf(who));

        using var live = await http.GetAsync(new Uri("/media/" + token, UriKind.Relative));
        using var other = await http.GetAsync(new Uri("/media/" + token[..^4] + "AAAA", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(png, await live.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Theory]
    [InlineData("/api/reports/units")]
    [InlineData("/api/exports/units.csv")]
    [InlineData("/api/reports/items/c2-shortcomings")]
    public async Task A_unit_admin_out_of_scope_sees_none_of_another_units_figures(string url)
    {
        using var outside = fixture.Bot.ApiAs(UnitAdminOutOfScope);
        using var inside = fixture.Bot.ApiAs(UnitAdminInScope);

        var theirs = await outside.GetStringAsync(url);
        var ours = await inside.GetStringAsync(url);

        Assert.DoesNotContain("SNV", theirs, StringComparison.Ordinal);
        Assert.Contains("SNV-VP", ours, StringComparison.Ordinal);
        Assert.DoesNotContain("STC", ours, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unauthenticated_request_is_refused_with_401_and_changes_nothing()
    {
        using var http = fixture.Bot.ApiAs(null);
        using var response = await http.PostAsync("/api/roles", JsonContent.Create(new { userId = 7779, role = "bloc" }));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(Directive920Bot.Admin.AdminRole.Cadre, fixture.Bot.Get<Directive920Bot.Admin.IAccessPolicy>().For(7779).Role);
    }
}
