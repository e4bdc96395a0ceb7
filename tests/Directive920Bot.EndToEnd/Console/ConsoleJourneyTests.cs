using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Directive920Bot.EndToEnd.Infrastructure;
using Directive920Bot.Sandbox;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Directive920Bot.EndToEnd.Console;

/// <summary>
/// The web console in Debian's Chromium, on the sandbox's own service: the demo bloc admin sends <c>/web</c> to the bot
/// (through the in-process emulator, as from Telegram), opens the link, signs in, goes through the pages, downloads the
/// members CSV and reads it back; the demo unit admin of SNV is refused STC's page. A screenshot of every page, on a
/// desktop and on a 390 px phone.
/// </summary>
public sealed partial class ConsoleJourneyTests
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task An_admin_signs_in_through_the_bots_link_and_a_unit_admin_is_refused_another_unit(string viewportName)
    {
        var viewport = Viewport.Named(viewportName);
        var shots = Path.Combine(SandboxApp.RepoRoot, "tests", "Directive920Bot.EndToEnd", "TestResults", "screenshots", $"console-{viewport.Name}");
        Directory.CreateDirectory(shots);
        await using var app = await SandboxApp.StartAsync();
        var step = 0;

        await using (var bloc = await Browser.LaunchAsync(viewport))
        {
            var page = bloc.Page;
            async Task ShotAsync(string name) => await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(shots, string.Create(CultureInfo.InvariantCulture, $"{++step:00}-{name}.png")),
                FullPage = true,
            });

            await page.GotoAsync(await LinkAsync(app, SandboxDemo.BlocAdminId));
            await ShotAsync("signin");
            await page.Locator("#signin").ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan");
            await Expect(page.Locator("header")).ToContainTextAsync("quản trị Khối");
            await ShotAsync("overview");

            await page.Locator("header nav a", new PageLocatorOptions { HasText = "Đơn vị" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Đơn vị");
            await ShotAsync("units");

            await page.GotoAsync(new Uri(app.SandboxUrl, "/console/units/SNV-VP").ToString());
            await Expect(page.Locator("h1")).ToHaveTextAsync("Văn phòng Sở Nội vụ");
            await Expect(page.Locator("#members")).ToContainTextAsync("Chưa đăng ký");
            await ShotAsync("unit");

            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a", new PageLocatorOptions { HasText = "CSV" }).ClickAsync());
            var csv = await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8);
            Assert.StartsWith("UnitCode,FullName", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
            Assert.Contains("SNV-VP", csv, StringComparison.Ordinal);

            // A roster with one bad line: the preview refuses it with the line's number, and offers nothing to write.
            await page.Locator("header nav a", new PageLocatorOptions { HasText = "Người dùng" }).ClickAsync();
            await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = "danh-sach.csv",
                MimeType = "text/csv",
                Buffer = Encoding.UTF8.GetBytes("full_name,unit_code,role\nNguyễn Văn Một,SNV-VP,staff\nX,SNV-VP,staff\n"),
            });
            await page.Locator("#roster-preview-button").ClickAsync();
            await Expect(page.Locator("#roster-errors")).ToContainTextAsync("danh-sach.csv:3: full_name 'X'");
            await Expect(page.Locator("#roster-apply")).ToHaveCountAsync(0);
            await ShotAsync("people-roster-refused");

            await page.Locator("header nav a", new PageLocatorOptions { HasText = "Nhật ký" }).ClickAsync();
            await Expect(page.Locator("#audit")).ToContainTextAsync("console.signin");
            await Expect(page.Locator("#audit")).ToContainTextAsync("members.csv (web console)");
            await ShotAsync("audit");

            await page.Locator("header a", new PageLocatorOptions { HasText = "English" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Audit log");
            await ShotAsync("audit-english");
        }

        await using (var unit = await Browser.LaunchAsync(viewport))
        {
            var page = unit.Page;
            await page.GotoAsync(await LinkAsync(app, SandboxDemo.UnitAdminId));
            await page.Locator("#signin").ClickAsync();
            await Expect(page.Locator("header")).ToContainTextAsync("quản trị đơn vị SNV");

            var refused = await page.GotoAsync(new Uri(app.SandboxUrl, "/console/units/STC").ToString());
            Assert.Equal(403, refused!.Status);
            await Expect(page.Locator("[role=alert]")).ToContainTextAsync("không có quyền");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, $"{++step:00}-unit-admin-refused.png"), FullPage = true });

            var export = await page.GotoAsync(new Uri(app.SandboxUrl, "/console/units/STC/members.csv").ToString());
            Assert.Equal(403, export!.Status);
        }
    }

    /// <summary>Sends <c>/web</c> as the demo admin through the emulator and returns the link from the bot's answer.</summary>
    internal static async Task<string> LinkAsync(SandboxApp app, long admin)
    {
        var emulator = app.Get<SandboxEmulator>().Emulator;
        if (emulator.Users.All(u => u.Id != admin))
        {
            emulator.AddUser(admin, "Quản trị");
        }

        var before = emulator.Transcript(admin).Count;
        emulator.SendText(admin, "/web");
        string? link = null;
        await emulator.WaitUntilAsync(() =>
        {
            link = emulator.Transcript(admin).Skip(before).Where(m => m.FromBot).Select(m => LinkPattern().Match(m.Text ?? "")).FirstOrDefault(m => m.Success)?.Value;
            return link is not null;
        }, TimeSpan.FromSeconds(30));
        return link!;
    }

    [GeneratedRegex(@"https?://\S+/signin/[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
