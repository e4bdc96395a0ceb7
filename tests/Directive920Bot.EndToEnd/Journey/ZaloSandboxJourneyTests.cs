using System.Globalization;
using System.Text.RegularExpressions;
using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Engagement;
using Directive920Bot.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Directive920Bot.EndToEnd.Journey;

/// <summary>
/// The sandbox's channel choice: the newcomer plays a demo cadre on Zalo, where the real Zalo adapter talks to the
/// emulator's Zalo dialect. No buttons: every choice is a numbered typed reply. Registration and the first lesson's
/// acknowledgement are typed, with a wrong number on the way; a screenshot after every step.
/// </summary>
public sealed partial class ZaloSandboxJourneyTests
{
    [Fact]
    public async Task A_newcomer_plays_a_cadre_on_Zalo_registers_and_acknowledges_the_first_lesson_by_typed_reply()
    {
        await using var journey = await Journey.StartAsync(nameof(A_newcomer_plays_a_cadre_on_Zalo_registers_and_acknowledges_the_first_lesson_by_typed_reply), "phone");
        var simulator = journey.Simulator;
        var page = simulator.Page;
        await page.Locator("#channel input[value='zalo']").CheckAsync();
        await page.WaitForURLAsync(url => url.Contains("ch=zalo", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 30_000 });
        await page.Locator("#clock").WaitForAsync();
        await Expect(page.Locator("#zalo-hint")).ToContainTextAsync("Zalo không có nút bấm");
        await Expect(page.Locator("#acting")).ToContainTextAsync("Zalo · zu-");
        await simulator.ShotAsync("zalo-chosen");

        // Registration by typed replies: consent, name, unit search, unit, role, confirmation.
        var name = await journey.SelectedCadreAsync();
        await simulator.SayAsync("/start", "Trả lời 1 để chọn: ✅ Đồng ý");
        Assert.Equal(0, await page.Locator("#messages .kb-button").CountAsync());
        await simulator.ShotAsync("consent-as-numbered-choices");
        await ChooseAsync(simulator, "Đồng ý");
        await simulator.SayAsync(name);
        // The search's own answer, not any message naming the unit: the full unit list above names it too, under another number.
        await simulator.SayAsync(Journey.CadreUnit, $"khớp với “{Journey.CadreUnit}”");
        await ChooseAsync(simulator, Journey.CadreUnitName);
        await ChooseAsync(simulator, "Cán bộ", "Xác nhận");
        await simulator.ShotAsync("summary");
        await ChooseAsync(simulator, "Xác nhận", "Đăng ký thành công");
        await simulator.ShotAsync("registered");
        var person = journey.App.Get<IPersonDirectory>().Find(new ChannelAddress(ChannelAddress.Zalo, ZaloUser(await page.Locator("#acting").TextContentAsync())))!.Value;
        await Expect(page.Locator("#panel-profile")).ToContainTextAsync(Journey.CadreUnitName);

        // The first lesson, with its acknowledgement offered as "Trả lời 1 để chọn: …".
        var first = journey.FirstLesson;
        var lesson = await journey.NextLessonAsync(first.For("vi").Title);
        await Expect(lesson).ToContainTextAsync("Trả lời 1 để chọn: ✅ Đã đọc và cam kết thực hiện");
        await simulator.ShotAsync("first-lesson-typed-reply");

        // A number that is not offered changes nothing and says which numbers are.
        await simulator.SayAsync("9", "không có trong các lựa chọn");
        Assert.Empty(journey.App.Get<IAcknowledgements>().ForSubscriber(person));
        await simulator.ShotAsync("wrong-number");

        await ChooseAsync(simulator, "Đã đọc và cam kết thực hiện");
        await Expect(page.Locator($"#panel-ledger tr[data-item='{first.Id}']")).ToContainTextAsync("✅");
        Assert.Single(journey.App.Get<IAcknowledgements>().ForSubscriber(person));
        await Expect(page.Locator($"#panel-report tr[data-unit='{Journey.CadreUnit}'] td.num.registered")).ToHaveTextAsync("1");
        await simulator.ShotAsync("acknowledged-by-typed-reply");
    }

    /// <summary>Types the number the latest bot message offers for <paramref name="label"/> and waits for the answer.</summary>
    private static async Task ChooseAsync(Simulator simulator, string label, string? expect = null)
    {
        string offering;
        try
        {
            offering = await simulator.BotMessages.Filter(new LocatorFilterOptions { HasTextRegex = new Regex("để chọn: [^\\n]*" + Regex.Escape(label)) }).Last.TextContentAsync() ?? "";
        }
        catch (TimeoutException ex)
        {
            // Say what the chat showed: which offer came instead, or none.
            var shown = await simulator.Page.Locator("#messages .msg").AllTextContentsAsync();
            throw new TimeoutException($"No offer of '{label}'. The chat:\n" + string.Join("\n---\n", shown.TakeLast(8)), ex);
        }

        // Labels may carry an emoji ("✅ Đồng ý"); the meta line (the time) follows the last one without a break.
        var number = Choice().Matches(offering).First(m => m.Groups["label"].Value.Contains(label, StringComparison.Ordinal)).Groups["n"].Value;
        await simulator.SayAsync(number.ToString(CultureInfo.InvariantCulture), expect);
    }

    private static string ZaloUser(string? acting) => ZaloId().Match(acting ?? "").Value;

    [GeneratedRegex("Trả lời (?<n>\\d+) để chọn: (?<label>[^\\n]*)")]
    private static partial Regex Choice();

    [GeneratedRegex("zu-\\d+")]
    private static partial Regex ZaloId();
}
