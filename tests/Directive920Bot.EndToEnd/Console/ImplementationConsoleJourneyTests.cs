using System.Globalization;
using System.Text;
using Directive920Bot.EndToEnd.Infrastructure;
using Directive920Bot.Sandbox;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Directive920Bot.EndToEnd.Console;

/// <summary>
/// Thực hiện in the console, in Debian's Chromium on the sandbox's service: the demo unit admin of SNV records L1 with a
/// PDF as evidence through the form, the demo bloc admin finds it in the matrix as “Đã hoàn thành”, opens it and
/// downloads the evidence, then visits Cam kết and Báo cáo. Screenshots on a desktop and on a 390 px phone.
/// </summary>
public sealed class ImplementationConsoleJourneyTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_unit_admin_records_a_requirement_with_evidence_and_the_bloc_admin_sees_it_in_the_matrix(string viewportName)
    {
        var viewport = Viewport.Named(viewportName);
        var shots = Path.Combine(SandboxApp.RepoRoot, "tests", "Directive920Bot.EndToEnd", "TestResults", "screenshots", $"console-implementation-{viewport.Name}");
        Directory.CreateDirectory(shots);
        await using var app = await SandboxApp.StartAsync();
        var step = 0;

        await using (var unit = await Browser.LaunchAsync(viewport))
        {
            var page = unit.Page;
            await page.GotoAsync(await ConsoleJourneyTests.LinkAsync(app, SandboxDemo.UnitAdminId));
            await page.Locator("#signin").ClickAsync();
            await page.Locator("header nav a", new PageLocatorOptions { HasText = "Thực hiện" }).ClickAsync();
            await Expect(page.Locator("#matrix")).ToContainTextAsync("SNV");
            await Shot(page, shots, ++step, "matrix-unit-admin");

            await page.Locator("#matrix a[href*='/console/implementation/SNV/L1']").ClickAsync();
            await page.Locator("#status").SelectOptionAsync("Done");
            await page.Locator("#actions").FillAsync("Đã tổ chức hội nghị quán triệt Thông báo 920 cho toàn thể đảng viên.");
            await page.Locator("#results").FillAsync("45/45 đảng viên tham dự.");
            await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "bien-ban-hoi-nghi.pdf", MimeType = "application/pdf", Buffer = Pdf });
            await Shot(page, shots, ++step, "report-form");
            await page.Locator("#save").ClickAsync();
            await Expect(page.Locator("#saved")).ToBeVisibleAsync();
            await Expect(page.Locator("#report-status")).ToHaveTextAsync("Đã hoàn thành");
            await Expect(page.Locator("#evidence-link")).ToContainTextAsync("bien-ban-hoi-nghi.pdf");
            await Shot(page, shots, ++step, "report-saved");

            await page.Locator("header nav a", new PageLocatorOptions { HasText = "Cam kết" }).ClickAsync();
            await Expect(page.Locator("#counts")).ToBeVisibleAsync();
            await Shot(page, shots, ++step, "commitments-unit-admin");
        }

        await using (var bloc = await Browser.LaunchAsync(viewport))
        {
            var page = bloc.Page;
            await page.GotoAsync(await ConsoleJourneyTests.LinkAsync(app, SandboxDemo.BlocAdminId));
            await page.Locator("#signin").ClickAsync();
            await page.Locator("header nav a", new PageLocatorOptions { HasText = "Thực hiện" }).ClickAsync();
            var cell = page.Locator("#matrix a[href*='/console/implementation/SNV/L1']");
            await Expect(cell).ToHaveTextAsync("Đã hoàn thành");
            await Expect(cell).ToHaveAttributeAsync("data-status", "Done");
            await Shot(page, shots, ++step, "matrix-bloc-admin");

            await cell.ClickAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#evidence-link").ClickAsync());
            Assert.Equal(Pdf, await File.ReadAllBytesAsync(await download.PathAsync()));

            await page.Locator("header nav a", new PageLocatorOptions { HasText = "Báo cáo" }).ClickAsync();
            await Expect(page.Locator("#annual")).ToBeVisibleAsync();
            await Shot(page, shots, ++step, "committee-reports");
        }
    }

    private static async Task Shot(IPage page, string folder, int step, string name) => await page.ScreenshotAsync(new PageScreenshotOptions
    {
        Path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{step:00}-{name}.png")),
        FullPage = true,
    });
}
