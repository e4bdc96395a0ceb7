using System.Net;
using System.Text.RegularExpressions;
using Directive920Bot.Tests.Reports;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>
/// Ý kiến / Feedback a page at a time: the store pages, the page links work without script, every page of every visitor
/// stays inside their scope, and the export still has every matching row.
/// </summary>
public sealed partial class ConsoleFeedbackPagingTests(FeedbackPagingFixture fixture) : IClassFixture<FeedbackPagingFixture>
{
    /// <summary>Follows the “next” links from the first page and returns every row id seen, in order, and the pages walked.</summary>
    private async Task<(List<string> Rows, List<string> Pages)> WalkAsync(Who who, string first)
    {
        var browser = fixture.Browsers[who];
        var rows = new List<string>();
        var pages = new List<string>();
        for (string? address = first; address is not null;)
        {
            var response = await browser.Http.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadAsStringAsync();
            pages.Add(page);
            rows.AddRange(RowPattern().Matches(page).Select(m => m.Groups[1].Value));
            var next = NextPattern().Match(page);
            address = next.Success ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
            Assert.True(pages.Count < 100, "the next links never end");
        }

        return (rows, pages);
    }

    [Fact]
    public async Task A_unit_admin_walking_every_page_sees_each_of_their_units_items_once_and_nothing_of_another_unit()
    {
        var (rows, pages) = await WalkAsync(Who.UnitAdminInScope, "/console/feedback");

        var expected = fixture.Snv.Count;
        Assert.Equal((expected + 49) / 50, pages.Count);
        Assert.All(pages.SkipLast(1), p => Assert.Equal(50, RowPattern().Count(p)));
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal(fixture.Snv.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
        Assert.Contains($"Trang 1/{pages.Count}", pages[0], StringComparison.Ordinal);
        Assert.Contains($"Trang {pages.Count}/{pages.Count}", pages[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(pages, p => p.Contains("Ý kiến STC", StringComparison.Ordinal) || p.Contains("Hỏi STC", StringComparison.Ordinal)
            || p.Contains("Ẩn danh anon", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_other_units_admin_walks_only_their_own_pages_and_is_refused_the_first_units_pages_by_address()
    {
        var (rows, _) = await WalkAsync(Who.UnitAdminOutOfScope, "/console/feedback");

        Assert.Equal(fixture.Stc.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
        var browser = fixture.Browsers[Who.UnitAdminOutOfScope];
        foreach (var address in new[] { "/console/feedback?unit=SNV-VP&page=2", "/console/feedback?unit=SNV&page=21", "/console/feedback.csv?unit=SNV-VP&page=3" })
        {
            var response = await browser.Http.GetAsync(address);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("Ý kiến SNV", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A page number past the end shows their last page, still only theirs.
        var last = await browser.Http.GetStringAsync("/console/feedback?page=999");
        Assert.Contains("Trang 2/2", last, StringComparison.Ordinal);
        Assert.All(RowPattern().Matches(last).Select(m => m.Groups[1].Value), id => Assert.Contains(id, fixture.Stc));
    }

    [Fact]
    public async Task A_bloc_admin_pages_through_everything_and_the_filter_and_page_survive_marking_an_item_handled()
    {
        var browser = fixture.Browsers[Who.BlocAdmin];
        var total = fixture.Snv.Count + fixture.Stc.Count + fixture.Anonymous.Count;
        var first = await browser.Http.GetStringAsync("/console/feedback?kind=question");
        // Fifty questions fit on one page: no page links at all.
        Assert.Equal(50, RowPattern().Count(first));
        Assert.DoesNotContain("rel=\"next\"", first, StringComparison.Ordinal);

        var pages = (total + 49) / 50;
        var page = await browser.Http.GetStringAsync("/console/feedback?unit=STC&page=2");
        Assert.Contains("Trang 2/2", page, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", page, StringComparison.Ordinal);
        Assert.Contains($"Trang 1/{pages}", await browser.Http.GetStringAsync("/console/feedback"), StringComparison.Ordinal);
        var id = RowPattern().Matches(page).Select(m => m.Groups[1].Value).First(r => r.StartsWith("feedback-", StringComparison.Ordinal))["feedback-".Length..];

        var back = WebUtility.HtmlDecode(BackPattern().Match(page).Groups[1].Value);
        var marked = await browser.PostAsync("/console/feedback/handled", page, new Dictionary<string, string> { ["kind"] = "feedback", ["id"] = id, ["back"] = back });

        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var location = marked.Headers.Location!.ToString();
        Assert.Contains("unit=STC", location, StringComparison.Ordinal);
        Assert.Contains("page=2", location, StringComparison.Ordinal);
        Assert.EndsWith("marked=1", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_has_every_matching_row_not_one_page_and_nothing_outside_the_scope()
    {
        var csv = await fixture.Browsers[Who.UnitAdminInScope].Http.GetStringAsync("/console/feedback.csv?page=2");

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(fixture.Snv.Count + 1, lines.Length);
        Assert.True(fixture.Snv.Count > 1000);
        Assert.DoesNotContain("Ý kiến STC", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Hỏi STC", csv, StringComparison.Ordinal);
        Assert.Contains("Ý kiến SNV snv-1019", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_number_that_is_not_a_number_gets_a_polite_refusal()
    {
        var response = await fixture.Browsers[Who.BlocAdmin].Http.GetAsync("/console/feedback?page=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Số trang không hợp lệ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr id=\"((?:feedback|question)-[^\"]+)\"")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\"")]
    private static partial Regex NextPattern();

    [GeneratedRegex("name=\"back\" value=\"([^\"]+)\"")]
    private static partial Regex BackPattern();
}
