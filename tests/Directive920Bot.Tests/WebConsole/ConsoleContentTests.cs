using System.Net;
using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Tests.Engagement;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>Nội dung / Content: coverage by item id, previews in both languages, the reload that refuses a broken set.</summary>
public sealed class ConsoleContentTests
{
    [Fact]
    public async Task The_content_page_shows_coverage_by_item_id_and_the_item_analysis_threshold()
    {
        await using var bot = await StartAsync(extra: new Dictionary<string, string?> { ["Reports:ItemAnalysisMinimumAnswers"] = "7" });
        GrantUnitAdmins(bot);
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, UnitAdminInScope);

        var page = await browser.Http.GetStringAsync("/console/content");

        var catalog = bot.Get<ContentService>().Current;
        foreach (var clause in catalog.Clauses)
        {
            Assert.Contains($"<b>{clause.Id}</b>", page, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"/console/content/c2-shortcomings\"", page, StringComparison.Ordinal);
        Assert.Contains("dưới 7 lượt trả lời", page, StringComparison.Ordinal);
        Assert.Contains("Chưa đủ lượt trả lời", page, StringComparison.Ordinal);
        // Reloading is for bloc admins: a unit admin has no button.
        Assert.DoesNotContain("content-reload", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_items_preview_shows_both_languages_as_telegram_would_with_its_quiz()
    {
        await using var bot = await StartAsync();
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);
        var item = bot.Get<ContentService>().Current.Find("c2-shortcomings")!;

        var page = await browser.Http.GetStringAsync("/console/content/c2-shortcomings");

        Assert.Contains("id=\"preview-vi\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"preview-en\"", page, StringComparison.Ordinal);
        Assert.Contains("<b>Bài ", page, StringComparison.Ordinal);
        Assert.Contains(item.For("vi").Quiz[0].Question, page, StringComparison.Ordinal);
        Assert.Contains(item.For("en").Quiz[0].Question.Replace("'", "&#39;", StringComparison.Ordinal), page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_preview_keeps_telegram_markup_and_drops_anything_that_could_run()
    {
        var html = WebConsoleContent("<b>Đậm</b> <a href=\"https://baonghean.vn\">báo</a> <script>alert(1)</script><a href=\"javascript:alert(1)\">x</a><img src=x onerror=alert(1)>");

        Assert.Contains("<b>Đậm</b>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://baonghean.vn\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Reload_refuses_a_broken_content_set_with_its_file_and_line_and_keeps_the_old_one_then_takes_the_fixed_one()
    {
        var content = EngagementKit.CopyContent();
        try
        {
            await using var bot = await StartAsync(extra: new Dictionary<string, string?> { ["Content:Path"] = content });
            using var browser = new ConsoleBrowser(bot);
            await browser.SignInAsync(bot, BlocAdmin);
            var service = bot.Get<ContentService>();
            var before = service.Current;
            var lesson = "lessons/vi/02-shortcomings.md";
            var good = File.ReadAllText(Path.Combine(content, lesson));
            var index = good.IndexOf("correct: [1]", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(content, lesson), good[..index] + "correct: [9]" + good[(index + "correct: [1]".Length)..]);
            var page = await browser.Http.GetStringAsync("/console/content");
            Assert.Contains("id=\"disk-errors\"", page, StringComparison.Ordinal);

            var refused = await browser.PostAsync("/console/content/reload", page);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Contains("id=\"reload-refused\"", body, StringComparison.Ordinal);
            Assert.Matches(@"<code>lessons/vi/02-shortcomings\.md:\d+: error: ", body);
            Assert.Same(before, service.Current);
            Assert.Contains(bot.Get<AuditLog>().Recent(50, "content.reload"), e => e.Actor == BlocAdmin && e.Details.StartsWith("refused", StringComparison.Ordinal));

            File.WriteAllText(Path.Combine(content, lesson), good);
            var done = await browser.PostAsync("/console/content/reload", body);

            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            Assert.Contains("id=\"reload-done\"", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.NotSame(before, service.Current);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    [Fact]
    public async Task Reload_posted_without_the_form_token_is_refused_and_nothing_is_reloaded()
    {
        await using var bot = await StartAsync();
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);
        var before = bot.Get<ContentService>().Current;

        var forged = await browser.PostAsync("/console/content/reload", page: null);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Same(before, bot.Get<ContentService>().Current);
        Assert.Empty(bot.Get<AuditLog>().Recent(50, "content.reload"));
    }

    private static string WebConsoleContent(string html) => global::Directive920Bot.WebConsole.ContentDesk.Safe(html);
}
