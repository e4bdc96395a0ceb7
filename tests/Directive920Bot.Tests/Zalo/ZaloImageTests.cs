using System.Net;
using Directive920Bot.Admin;
using Directive920Bot.Media;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;
using Directive920Bot.Tests.Registration;
using SkiaSharp;

namespace Directive920Bot.Tests.Zalo;

/// <summary>
/// Images on Zalo, whose sendPhoto takes a URL: the report chart and the invite QR code are published as short-lived
/// links of the service, which the emulator's Zalo dialect fetches as the platform does; without a public address, or
/// when the platform cannot fetch the link, the caption goes as text.
/// </summary>
public sealed class ZaloImageTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task A_unit_admin_on_Zalo_gets_the_report_chart_as_a_photo_by_link_that_the_platform_fetched_as_a_png()
    {
        await using var kit = await ZaloKit.StartAsync(publicBase: "");
        var admin = await UnitAdminAsync(kit, "zu-2401");

        var report = await kit.SayAsync("zu-2401", "/baocao");

        var photo = Assert.Single(report, m => m.PhotoUrl is not null);
        var publicBase = kit.Bot.Get<Microsoft.Extensions.Configuration.IConfiguration>()["Admin:PublicBaseUrl"]!;
        Assert.StartsWith(publicBase + "/media/", photo.PhotoUrl, StringComparison.Ordinal);
        Assert.Equal("image/png", photo.PhotoContentType);
        Assert.Equal(PngSignature, photo.Photo![..8]);
        using (var bitmap = SKBitmap.Decode(photo.Photo))
        {
            Assert.Equal(Directive920Bot.Reports.ReportChart.Width, bitmap.Width);
            Assert.True(bitmap.Height >= 200, $"height {bitmap.Height}");
        }

        // The figures follow as text, after the photo; nothing went to Telegram.
        Assert.Contains(report.SkipWhile(m => m.PhotoUrl is null), m => m.Text.Contains("Báo cáo: Sở Nội vụ", StringComparison.Ordinal));
        Assert.DoesNotContain(kit.Emulator.Calls, c => c.Method is "sendMessage" or "sendPhoto");
        Assert.True(admin.IsRegistered);
    }

    [Fact]
    public async Task A_unit_admin_on_Zalo_gets_the_invite_qr_code_by_link_and_it_reads_as_the_units_invite()
    {
        await using var kit = await ZaloKit.StartAsync(publicBase: "");
        await UnitAdminAsync(kit, "zu-2402");
        var unit = kit.Bot.Get<IUnits>().Find("SNV")!;

        var reply = await kit.SayAsync("zu-2402", "/maqr SNV");

        var photo = Assert.Single(reply, m => m.PhotoUrl is not null);
        Assert.Equal(PngSignature, photo.Photo![..8]);
        Assert.Equal($"https://t.me/{kit.Emulator.BotUsername}?start=u_{unit.InviteCode}", InviteQrTests.Decode(photo.Photo));
        // The caption is plain text on Zalo (no HTML), within its limit, and names the unit.
        Assert.Contains(unit.Name, photo.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", photo.Text, StringComparison.Ordinal);
        Assert.True(photo.Text.Length <= Directive920Bot.Zalo.ZaloOptions.CaptionLimit);
    }

    [Fact]
    public async Task An_image_link_answers_with_the_png_until_it_expires_then_404_as_an_unknown_token_does()
    {
        await using var kit = await ZaloKit.StartAsync(publicBase: "");
        await UnitAdminAsync(kit, "zu-2403");
        var photo = (await kit.SayAsync("zu-2403", "/baocao")).Single(m => m.PhotoUrl is not null);
        using var http = new HttpClient();

        using (var live = await http.GetAsync(new Uri(photo.PhotoUrl!)))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal("image/png", live.Content.Headers.ContentType?.MediaType);
            Assert.Equal("private", live.Headers.CacheControl?.ToString());
            Assert.Equal("nosniff", Assert.Single(live.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal(photo.Photo, await live.Content.ReadAsByteArrayAsync());
        }

        var lifetime = kit.Bot.Get<Microsoft.Extensions.Options.IOptions<MediaOptions>>().Value.LinkLifetime;
        kit.Bot.Clock.Advance(lifetime);
        var expired = await Answer(http, photo.PhotoUrl!);
        var token = photo.PhotoUrl![(photo.PhotoUrl!.LastIndexOf('/') + 1)..];
        var unknown = await Answer(http, photo.PhotoUrl!.Replace(token, new string('A', token.Length), StringComparison.Ordinal));
        var malformed = await Answer(http, photo.PhotoUrl!.Replace(token, "nope", StringComparison.Ordinal));

        Assert.Equal(43, token.Length); // 256 random bits in base64url
        Assert.Equal((HttpStatusCode.NotFound, "nosniff"), (expired.Status, expired.NoSniff));
        Assert.Equal(expired, unknown);
        Assert.Equal(expired, malformed);
        using var listing = await http.GetAsync(new Uri(kit.Bot.WebUrl, "media/"));
        Assert.Equal(HttpStatusCode.NotFound, listing.StatusCode);
    }

    [Fact]
    public async Task Without_a_public_address_the_chart_goes_to_Zalo_as_text_with_a_note_and_nothing_is_published()
    {
        await using var kit = await ZaloKit.StartAsync();
        await UnitAdminAsync(kit, "zu-2404");

        var report = await kit.SayAsync("zu-2404", "/baocao");

        Assert.All(report, m => Assert.Null(m.PhotoUrl));
        Assert.Contains(report, m => m.Text.Contains("Hình ảnh không gửi được qua Zalo", StringComparison.Ordinal));
        Assert.DoesNotContain(kit.Zalo.Calls, c => c == "sendPhoto");
        Assert.False(kit.Bot.Get<MediaLinkService>().Enabled);
    }

    [Fact]
    public async Task When_the_platform_cannot_fetch_the_link_the_qr_codes_caption_goes_as_text_instead()
    {
        // A public address that does not lead to this service's /media: the platform's fetch gets a 404.
        await using var kit = await ZaloKit.StartAsync(publicBase: "/not-this-service");
        await UnitAdminAsync(kit, "zu-2405");

        var reply = await kit.SayAsync("zu-2405", "/maqr SNV");

        Assert.Contains("sendPhoto", kit.Zalo.Calls);
        Assert.All(reply, m => Assert.Null(m.PhotoUrl));
        var text = Assert.Single(reply, m => m.Text.Contains("Hình ảnh không gửi được qua Zalo", StringComparison.Ordinal));
        Assert.Contains("?start=u_" + kit.Bot.Get<IUnits>().Find("SNV")!.InviteCode, text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_retention_run_deletes_expired_image_links_and_keeps_live_ones()
    {
        await using var kit = await ZaloKit.StartAsync(publicBase: "");
        await UnitAdminAsync(kit, "zu-2406");
        var old = (await kit.SayAsync("zu-2406", "/baocao")).Single(m => m.PhotoUrl is not null);
        var lifetime = kit.Bot.Get<Microsoft.Extensions.Options.IOptions<MediaOptions>>().Value.LinkLifetime;
        kit.Bot.Clock.Advance(lifetime / 2);
        var recent = (await kit.SayAsync("zu-2406", "/baocao")).Single(m => m.PhotoUrl is not null);
        kit.Bot.Clock.Advance(lifetime / 2);
        var store = kit.Bot.Get<IMediaLinks>();

        Assert.Equal(1, store.CountExpired(kit.Bot.Clock.GetUtcNow().UtcDateTime));
        await kit.Bot.Get<RetentionService>().PurgeAsync(kit.Bot.Clock.GetUtcNow());

        Assert.Null(store.Find(MediaLinkService.Hash(TokenOf(old.PhotoUrl!))));
        Assert.NotNull(store.Find(MediaLinkService.Hash(TokenOf(recent.PhotoUrl!))));
        Assert.Equal(0, store.CountExpired(kit.Bot.Clock.GetUtcNow().UtcDateTime));
    }

    private static async Task<Subscriber> UnitAdminAsync(ZaloKit kit, string userId)
    {
        var cadre = await kit.RegisterAsync(userId, "Phan Văn Đức", "SNV-VP");
        kit.Bot.Get<RoleService>().Grant(Directive920Bot.Tests.Reports.ReportsTestSupport.BlocAdmin, cadre.Id, AdminRole.UnitAdmin, "SNV");
        return cadre;
    }

    private static string TokenOf(string url) => url[(url.LastIndexOf('/') + 1)..];

    private static async Task<(HttpStatusCode Status, string? NoSniff, string Body)> Answer(HttpClient http, string url)
    {
        using var response = await http.GetAsync(new Uri(url));
        var body = await response.Content.ReadAsStringAsync();
        // The problem details carry the request's trace id, which differs per request by design.
        body = System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");
        return (response.StatusCode, response.Headers.TryGetValues("X-Content-Type-Options", out var v) ? v.Single() : null, body);
    }
}
