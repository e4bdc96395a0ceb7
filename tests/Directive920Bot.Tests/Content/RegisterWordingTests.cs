using System.Text.RegularExpressions;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Content;

/// <summary>
/// The register a propaganda officer signs (#14 §3, §6): the bot never calls itself "tôi"; no "nhé", "hãy", 🎉/🔥, no
/// "streak" calque, no "Điều này có nghĩa là" opening, no doubled "và" in one clause, "chiến dịch" never "đợt gửi",
/// "chất lượng tham mưu", one term "yêu cầu" for the staff requirements, explanations that do not open with an item id,
/// and Vietnamese texts that name the Vietnamese commands. Each rule reads every Vietnamese bot text and content file.
/// </summary>
public sealed partial class RegisterWordingTests
{
    private static readonly (string Rule, Regex Pattern)[] VietnameseRules =
    [
        ("the bot calls itself “tôi”", Toi()),
        ("“nhé”", new Regex(@"\bnhé\b", RegexOptions.IgnoreCase)),
        ("“hãy”", new Regex(@"\bhãy\b", RegexOptions.IgnoreCase)),
        ("🎉 or 🔥", new Regex("🎉|🔥")),
        ("a “streak” calque", new Regex(@"chuỗi xác nhận|streak", RegexOptions.IgnoreCase)),
        ("“Điều này có nghĩa là”", new Regex("Điều này có nghĩa là", RegexOptions.IgnoreCase)),
        ("“đợt gửi” (the word is “chiến dịch”)", new Regex("đợt gửi", RegexOptions.IgnoreCase)),
        ("“tham mưu chưa cao” without “chất lượng”", new Regex(@"(?<!chất lượng )tham mưu chưa cao", RegexOptions.IgnoreCase)),
        ("“nhóm nhiệm vụ” (the staff requirements are “yêu cầu”)", new Regex("nhóm nhiệm vụ", RegexOptions.IgnoreCase)),
        ("an English command name in a Vietnamese text", EnglishCommand()),
    ];

    [Fact]
    public void No_vietnamese_bot_text_breaks_the_register()
    {
        var offending = VietnameseBotTexts().SelectMany(t => Breaches(t.Text).Select(b => $"{t.Where}: {b}")).Distinct().ToList();

        Assert.True(offending.Count == 0, "Register breaches:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void No_vietnamese_lesson_explanation_or_announcement_breaks_the_register()
    {
        var offending = VietnameseContent().SelectMany(f => Breaches(File.ReadAllText(f)).Select(b => $"{Path.GetFileName(f)}: {b}")).ToList();

        Assert.True(offending.Count == 0, "Register breaches:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void No_explanation_opens_with_an_item_id_and_no_title_carries_a_lesson_number()
    {
        var offending = ItemIdWordingTests.ContentFiles()
            .SelectMany(f => File.ReadAllLines(f).Where(l => ExplanationOpensWithId().IsMatch(l) || NumberedTitle().IsMatch(l) || l.Contains("**This means**", StringComparison.Ordinal))
                .Select(l => $"{Path.GetFileName(f)}: {l.Trim()}"))
            .ToList();

        Assert.True(offending.Count == 0, "Explanations opening with an id, titles with a baked-in number, or “This means”:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void The_register_checks_read_the_real_texts_and_catch_every_old_wording()
    {
        Assert.True(VietnameseBotTexts().Count() >= 200);
        Assert.True(VietnameseContent().Count >= 17);
        foreach (var bad in new[]
        {
            "Xin lỗi, tôi chưa hiểu lệnh này.", "Chúng ta tiếp tục nhé.", "Khi nào đồng chí muốn đăng ký, hãy gõ /start.",
            "🎉 Đăng ký thành công!", "🔥 Chuỗi xác nhận đúng hạn: 3", "**Điều này có nghĩa là** đồng chí …",
            "/campaigns (/dotgui) — các đợt gửi", "Một hạn chế là tham mưu chưa cao.", "Ba nhóm nhiệm vụ đối với công chức",
            "đọc bài về thẩm quyền, tham mưu và phối hợp và xác nhận", "Gõ /resume để tiếp tục.", "Gõ /help để xem các lệnh.",
        })
        {
            Assert.NotEmpty(Breaches(bad));
        }

        foreach (var good in new[]
        {
            "Bot chưa hiểu lệnh này. Gõ /trogiup để xem các lệnh.", "Chất lượng tham mưu chưa cao.", "bấm “Đã đọc và cam kết thực hiện”",
            "Mời đồng chí đọc bài về thẩm quyền, tham mưu và phối hợp, sau đó bấm “Đã đọc và cam kết thực hiện”.", "Gõ /start để bắt đầu.",
            "Theo dõi: /api/campaigns/{0}", "Ba yêu cầu đối với công chức, viên chức",
        })
        {
            Assert.Empty(Breaches(good));
        }

        Assert.Matches(ExplanationOpensWithId(), "    explanation: \"L3 yêu cầu bảo vệ cán bộ (L3).\"");
        Assert.DoesNotMatch(ExplanationOpensWithId(), "    explanation: \"Thông báo đã yêu cầu bảo vệ cán bộ (L3).\"");
        Assert.Matches(NumberedTitle(), "title: \"Bài 8. Bản lĩnh, đạo đức\"");
    }

    private static IEnumerable<string> Breaches(string text)
    {
        foreach (var (rule, pattern) in VietnameseRules)
        {
            if (pattern.Match(text) is { Success: true } m)
            {
                yield return $"{rule}: …{m.Value}…";
            }
        }

        // Two "và" in one clause ("… tham mưu và phối hợp và xác nhận"); quotes, commas and dashes end a clause.
        foreach (var clause in ClauseBreak().Split(text))
        {
            if (Va().Count(clause) >= 2)
            {
                yield return $"doubled “và”: …{clause.Trim()}…";
            }
        }
    }

    private static IEnumerable<(string Where, string Text)> VietnameseBotTexts() =>
        ItemIdWordingTests.BotTexts().Where(t => t.Where.Contains("(vi", StringComparison.Ordinal))
            .Concat(ItemIdWordingTests.SourceLiterals().Where(t => Diacritic().IsMatch(t.Text)));

    private static List<string> VietnameseContent() =>
        ItemIdWordingTests.ContentFiles().Where(f => f.Contains($"{Path.DirectorySeparatorChar}vi{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();

    [GeneratedRegex(@"(?<![\p{L}])tôi(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex Toi();

    [GeneratedRegex(@"(?<![\w/.])/(lessons|progress|feedback|pause|resume|profile|language|mydata|stop|delete|help|report|members|roster|broadcast|campaigns|grant|revoke|ask|dung|canbo|danhsach|dotgui)\b(?!/)")]
    private static partial Regex EnglishCommand();

    [GeneratedRegex(@"^\s*explanation:\s*""[CLSI]\d")]
    private static partial Regex ExplanationOpensWithId();

    [GeneratedRegex(@"^title:\s*""(Bài|Lesson)\s+\d+\.")]
    private static partial Regex NumberedTitle();

    [GeneratedRegex(@"[,;:.!?…—–()“”""\n]|\\n")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"(?<![\p{L}])và(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex Va();

    [GeneratedRegex("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúý]", RegexOptions.IgnoreCase)]
    private static partial Regex Diacritic();
}
