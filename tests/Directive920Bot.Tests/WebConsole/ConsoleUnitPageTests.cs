using System.Text.RegularExpressions;
using static Directive920Bot.Tests.Engagement.EngagementKit;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>The unit page shows each member's state per item, from the ledger and the acknowledgements as they are.</summary>
public sealed partial class ConsoleUnitPageTests
{
    [Fact]
    public async Task A_cadres_acknowledgement_shows_on_the_unit_page_and_an_unacknowledged_lesson_shows_as_not_yet()
    {
        await using var bot = await Reports.ReportsTestSupport.StartAsync();
        var hang = await bot.RegisterAsync(Cadre, "Đặng Thị Hằng", TargetUnit);
        var binh = await bot.RegisterAsync(9005, "Lê Văn Bình", TargetUnit);
        var (_, message) = await DeliverAsync(bot, hang, Lesson1);
        await DeliverAsync(bot, binh, Lesson1);
        await PressAsync(bot, hang.Id, message.MessageId, AckLabel);
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);

        var page = await browser.Http.GetStringAsync("/console/units/SNV-VP");

        Assert.Equal("Đúng hạn", StateOf(page, "Đặng Thị Hằng"));
        Assert.Equal("Chưa xác nhận", StateOf(page, "Lê Văn Bình"));
        var pending = await browser.Http.GetStringAsync("/console/units/SNV-VP?status=pending");
        Assert.Contains("Lê Văn Bình", pending, StringComparison.Ordinal);
        Assert.DoesNotContain("Đặng Thị Hằng", pending, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_switches_to_english_and_back()
    {
        await using var bot = await Reports.ReportsTestSupport.StartAsync();
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);

        var redirect = await browser.Http.GetAsync("/console/language?to=en&back=%2Fconsole%2Funits");
        var english = await browser.Http.GetStringAsync("/console/units");
        var offsite = await browser.Http.GetAsync("/console/language?to=vi&back=%2F%2Fevil.example");
        var vietnamese = await browser.Http.GetStringAsync("/console/units");

        Assert.Equal("/console/units", redirect.Headers.Location!.OriginalString);
        Assert.Contains("Acknowledgement rate", english, StringComparison.Ordinal);
        Assert.Equal("/console", offsite.Headers.Location!.OriginalString);
        Assert.Contains("Tỷ lệ xác nhận", vietnamese, StringComparison.Ordinal);
    }

    /// <summary>The first state cell of the member's row.</summary>
    private static string StateOf(string page, string name)
    {
        var row = RowPattern().Matches(page).Select(m => m.Value).Single(r => r.Contains(name, StringComparison.Ordinal));
        return CellPattern().Match(row).Groups[1].Value;
    }

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td class=\"s-[A-Za-z]+\">([^<]*)</td>")]
    private static partial Regex CellPattern();
}
