using System.Globalization;
using System.Text;
using Directive920Bot.Engagement;
using Directive920Bot.EndToEnd.Infrastructure;
using Directive920Bot.Sandbox;
using Directive920Bot.Storage;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Directive920Bot.EndToEnd.Console;

/// <summary>
/// The desk pages in Debian's Chromium on the sandbox: the demo bloc admin reads the content's coverage and a lesson's
/// preview, marks a cadre's feedback handled and exports the list, and grants a unit admin role from the People page.
/// A screenshot of every new page, on a desktop and on a 390 px phone.
/// </summary>
public sealed class ConsoleDeskJourneyTests
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_bloc_admin_reads_the_content_handles_feedback_and_grants_a_role(string viewportName)
    {
        var viewport = Viewport.Named(viewportName);
        var shots = Path.Combine(SandboxApp.RepoRoot, "tests", "Directive920Bot.EndToEnd", "TestResults", "screenshots", $"console-desk-{viewport.Name}");
        Directory.CreateDirectory(shots);
        await using var app = await SandboxApp.StartAsync();
        var now = app.Get<Directive920Bot.Hosting.BotClock>().UtcNow.UtcDateTime;
        app.Get<IStorage>().Write(tx =>
        {
            app.Get<IFeedback>().Upsert(tx, new Feedback { Id = "demo-fb-1", Anonymous = true, Text = "Đề nghị tổ chức thêm buổi đối thoại với cán bộ trẻ.", CreatedAt = now.Date });
        });
        var step = 0;

        await using var bloc = await Browser.LaunchAsync(viewport);
        var page = bloc.Page;
        async Task ShotAsync(string name) => await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(shots, string.Create(CultureInfo.InvariantCulture, $"{++step:00}-{name}.png")),
            FullPage = true,
        });

        await page.GotoAsync(await ConsoleJourneyTests.LinkAsync(app, SandboxDemo.BlocAdminId));
        await page.Locator("#signin").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan");

        await page.Locator("header nav a", new PageLocatorOptions { HasText = "Nội dung" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nội dung");
        await Expect(page.Locator("#coverage")).ToContainTextAsync("C2");
        await ShotAsync("content");

        await page.Locator("#coverage a", new PageLocatorOptions { HasText = "c2-shortcomings" }).First.ClickAsync();
        await Expect(page.Locator("#preview-vi")).ToContainTextAsync("Tiếng Việt");
        await Expect(page.Locator("#preview-en")).ToContainTextAsync("English");
        await ShotAsync("content-preview");

        await page.Locator("header nav a", new PageLocatorOptions { HasText = "Ý kiến" }).ClickAsync();
        await Expect(page.Locator("#feedback")).ToContainTextAsync("buổi đối thoại với cán bộ trẻ");
        await Expect(page.Locator("#feedback-demo-fb-1")).ToContainTextAsync("Ẩn danh");
        await ShotAsync("feedback");
        await page.Locator("#feedback-demo-fb-1 button").ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Đã đánh dấu đã xử lý");
        await Expect(page.Locator("#feedback-demo-fb-1")).ToContainTextAsync("Đã xử lý ngày");
        await ShotAsync("feedback-handled");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a", new PageLocatorOptions { HasText = "CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8);
        Assert.StartsWith("Kind,Date", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("buổi đối thoại với cán bộ trẻ", csv, StringComparison.Ordinal);

        await page.Locator("header nav a", new PageLocatorOptions { HasText = "Người dùng" }).ClickAsync();
        await page.Locator("#role-form input[name=user]").FillAsync("555000111");
        await page.Locator("#role-form input[name=unit]").FillAsync("SNV-VP");
        await page.Locator("#role-form button[value=grant]").ClickAsync();
        await Expect(page.Locator("#role-outcome")).ToContainTextAsync("Đã cấp quyền UnitAdmin SNV-VP cho người dùng 555000111");
        await ShotAsync("people-role-granted");
    }
}
