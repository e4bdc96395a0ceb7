using System.Globalization;
using System.Net;
using Directive920Bot.Admin;
using Directive920Bot.Storage;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>Nhật ký / Audit log: filtered and paged by the store, so an older period and every page can be reached.</summary>
public sealed class ConsoleAuditPageTests
{
    [Fact]
    public async Task An_older_period_is_found_behind_thousands_of_newer_entries_and_every_page_can_be_reached()
    {
        await using var bot = await StartAsync();
        var clock = bot.Get<global::Directive920Bot.Hosting.BotClock>();
        var now = bot.Clock.GetUtcNow().UtcDateTime;
        bot.Get<IStorage>().Write(tx =>
        {
            var entries = bot.Get<IAuditEntries>();
            for (var i = 0; i < 3; i++)
            {
                entries.Append(tx, new AuditEntry { At = now.AddDays(-20).AddMinutes(i), Actor = 77, Action = "test.old", Target = "cũ " + i });
            }

            // More newer entries than the page once read (5,000) before filtering by date; appended in time order, as the log is.
            for (var i = 0; i < 5_100; i++)
            {
                entries.Append(tx, new AuditEntry { At = now.AddMinutes(i - 5_100), Actor = 78, Action = "test.new", Target = "mới " + i.ToString(CultureInfo.InvariantCulture) });
            }
        });
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);
        var day = DateOnly.FromDateTime(clock.ToLocal(now.AddDays(-20)));
        string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var older = await browser.Http.GetStringAsync($"/console/audit?from={Date(day.AddDays(-1))}&to={Date(day.AddDays(1))}");
        var first = await browser.Http.GetStringAsync("/console/audit?action=test.new");
        var last = await browser.Http.GetStringAsync("/console/audit?action=test.new&page=999");

        Assert.Contains("cũ 0", older, StringComparison.Ordinal);
        Assert.Contains("cũ 2", older, StringComparison.Ordinal);
        Assert.DoesNotContain("test.new", older, StringComparison.Ordinal);
        Assert.Contains("Trang 1/51", first, StringComparison.Ordinal);
        Assert.Contains(">mới 5099<", first, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Contains("Trang 51/51", last, StringComparison.Ordinal);
        Assert.Contains(">mới 0<", last, StringComparison.Ordinal);
        Assert.DoesNotContain(">mới 5099<", last, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Http.GetAsync("/console/audit?page=two")).StatusCode);
    }
}
