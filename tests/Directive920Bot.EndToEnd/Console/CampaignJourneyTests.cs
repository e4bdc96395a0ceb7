using System.Globalization;
using Directive920Bot.EndToEnd.Infrastructure;
using Directive920Bot.Sandbox;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Directive920Bot.EndToEnd.Console;

/// <summary>
/// Chiến dịch in Debian's Chromium on the sandbox's service with <c>Console:CampaignApproval</c> on: the demo bloc admin
/// signs in through the bot's link, writes an announcement for SNV and its sub-units, previews it, sends a test to
/// themself (the emulator receives it), creates it — it waits for approval —; a second bloc admin approves it and the
/// page's live figures reach 100 % without a reload. Screenshots of the campaign pages on a desktop and a phone.
/// </summary>
public sealed class CampaignJourneyTests
{
    private const long SecondBlocAdmin = 9100;

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_campaign_is_written_previewed_tested_approved_by_a_second_admin_and_reaches_100_percent(string viewportName)
    {
        var viewport = Viewport.Named(viewportName);
        var shots = Path.Combine(SandboxApp.RepoRoot, "tests", "Directive920Bot.EndToEnd", "TestResults", "screenshots", $"campaigns-{viewport.Name}");
        Directory.CreateDirectory(shots);
        await using var app = await SandboxApp.StartAsync(new Dictionary<string, string?>
        {
            ["Console:CampaignApproval"] = "true",
            ["Bot:SuperAdmins:0"] = SecondBlocAdmin.ToString(CultureInfo.InvariantCulture),
        });
        var emulator = app.Get<SandboxEmulator>().Emulator;
        var step = 0;
        string campaignUrl;

        await using (var bloc = await Browser.LaunchAsync(viewport))
        {
            var page = bloc.Page;
            async Task ShotAsync(string name) => await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(shots, string.Create(CultureInfo.InvariantCulture, $"{++step:00}-{name}.png")),
                FullPage = true,
            });

            await page.GotoAsync(await ConsoleJourneyTests.LinkAsync(app, SandboxDemo.BlocAdminId));
            await page.Locator("#signin").ClickAsync();
            await page.Locator("header nav a", new PageLocatorOptions { HasText = "Chiến dịch" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Chiến dịch");
            await page.Locator("#new-campaign").ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Tạo chiến dịch");

            await page.Locator("#text").FillAsync("**Họp chi bộ** chiều thứ Năm, 14:00, học tập Thông báo 920.");
            await page.Locator("input[name=units][value=SNV]").CheckAsync();
            await page.Locator("#preview-button").ClickAsync();
            await Expect(page.Locator("#preview .tg-bubble").First).ToContainTextAsync("Họp chi bộ");
            await Expect(page.Locator("#preview .tg-bubble b").First).ToHaveTextAsync("Họp chi bộ");
            await Expect(page.Locator("#preview-audience")).ToContainTextAsync("Sẽ gửi tới");
            await ShotAsync("campaign-new-preview");

            var before = emulator.Transcript(SandboxDemo.BlocAdminId).Count;
            await page.Locator("#test-button").ClickAsync();
            await Expect(page.Locator("#form-notice")).ToContainTextAsync("Đã gửi thử");
            Assert.Contains(emulator.Transcript(SandboxDemo.BlocAdminId).Skip(before), m => m.FromBot && m.Html?.Contains("<b>Họp chi bộ</b>", StringComparison.Ordinal) == true);

            await page.Locator("#create-button").ClickAsync();
            await Expect(page.Locator("#campaign-notice")).ToContainTextAsync("chờ một quản trị Khối khác duyệt");
            await Expect(page.Locator("#campaign-status")).ToHaveTextAsync("Chờ duyệt");
            await Expect(page.Locator("#approve")).ToHaveCountAsync(0);
            await ShotAsync("campaign-awaiting");
            campaignUrl = page.Url.Split('?')[0];

            await page.Locator("header nav a", new PageLocatorOptions { HasText = "Chiến dịch" }).ClickAsync();
            await Expect(page.Locator("#campaigns")).ToContainTextAsync("Chờ duyệt");
            await ShotAsync("campaigns");
        }

        await using (var second = await Browser.LaunchAsync(viewport))
        {
            var page = second.Page;
            await page.GotoAsync(await ConsoleJourneyTests.LinkAsync(app, SecondBlocAdmin));
            await page.Locator("#signin").ClickAsync();
            await page.GotoAsync(campaignUrl);
            await page.Locator("#approve").ClickAsync();
            await Expect(page.Locator("#campaign-notice")).ToContainTextAsync("Đã duyệt");
            // The figures follow the sending by themselves (the page's script), no reload.
            await Expect(page.Locator("#campaign-percent")).ToHaveTextAsync("100 %", new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 });
            await Expect(page.Locator("#campaign-status")).ToHaveTextAsync("Đã gửi xong");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, $"{++step:00}-campaign-sent.png"), FullPage = true });
        }
    }
}
