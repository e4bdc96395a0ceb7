using System.Net.Http.Headers;
using System.Text.Json;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Directive920Bot.Storage.LiteDb.Engagement;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

public sealed class FeedbackTests
{
    private const string Opinion = "Đề nghị tổ chức thêm buổi trao đổi chuyên đề về chuyển đổi số tại chi bộ.";

    [Fact]
    public async Task Anonymous_feedback_is_stored_without_anything_that_links_it_to_the_sender()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(3201, "Đặng Văn Giang");
        var ask = await bot.SayAsync(cadre.Id, "/gopy");
        await bot.PressAndExpectReplyAsync(cadre.Id, ask, "Gửi ẩn danh");

        var tooShort = await bot.SayAsync(cadre.Id, "ngắn");
        Assert.Contains("ít nhất 10 ký tự", tooShort.Text, StringComparison.Ordinal);
        var preview = await bot.SayAsync(cadre.Id, Opinion);
        Assert.Contains("ẩn danh", preview.Text, StringComparison.Ordinal);
        await PressAsync(bot, cadre.Id, preview.MessageId, "Gửi góp ý");
        Assert.Contains("Cảm ơn", bot.Current(cadre.Id, preview.MessageId).Text, StringComparison.Ordinal);

        var stored = Assert.Single(bot.Get<IFeedback>().All());
        Assert.True(stored.Anonymous);
        Assert.Null(stored.SubscriberId);
        Assert.Null(stored.UnitCode);
        Assert.Equal(Opinion, stored.Text);
        Assert.Equal(TimeSpan.Zero, stored.CreatedAt.TimeOfDay);

        // Nothing in the stored document names the sender, their unit or their id, and no draft is left behind.
        var raw = Assert.Single(Infrastructure.StoredText.Records(bot, LiteDbFeedback.CollectionName, "feedback"));
        Assert.DoesNotContain(cadre.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), raw, StringComparison.Ordinal);
        Assert.DoesNotContain("SNV", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Giang", raw, StringComparison.Ordinal);
        Assert.Equal(0, Infrastructure.StoredText.Count(bot, LiteDbFeedback.DraftCollection, "feedback_drafts"));
        Assert.Null(bot.Get<ISubscribers>().Find(cadre.Id)!.Conversation);
        Assert.Empty(bot.Get<IFeedback>().FromSubscriber(cadre.Id));
    }

    [Fact]
    public async Task Named_feedback_keeps_the_sender_and_unit_admins_read_only_named_feedback_of_their_units()
    {
        await using var bot = await StartAsync(new Dictionary<string, string?>
        {
            ["Admin:ApiKeys:propaganda"] = "bloc-key-123-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js",
            ["Admin:ApiKeys:snv:Key"] = "snv-key-456-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js",
            ["Admin:ApiKeys:snv:Role"] = "UnitAdmin",
            ["Admin:ApiKeys:snv:Units:0"] = "SNV",
            ["Admin:ApiKeys:stc:Key"] = "stc-key-789-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js",
            ["Admin:ApiKeys:stc:Role"] = "UnitAdmin",
            ["Admin:ApiKeys:stc:Units:0"] = "STC",
        });
        var named = await bot.RegisterAsync(3202);
        var anonymous = await bot.RegisterAsync(3203, "Bùi Thị Hoa");
        await SendFeedbackAsync(bot, named.Id, "Gửi kèm tên", Opinion);
        await SendFeedbackAsync(bot, anonymous.Id, "Gửi ẩn danh", "Một góp ý ẩn danh về việc học tập Thông báo.");

        var stored = bot.Get<IFeedback>().All();
        var mine = Assert.Single(stored, f => !f.Anonymous);
        Assert.Equal(named.Id, mine.SubscriberId);
        Assert.Equal("SNV-VP", mine.UnitCode);

        Assert.Equal(2, (await ReadAsync(bot, "bloc-key-123-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js")).GetArrayLength());
        var unit = await ReadAsync(bot, "snv-key-456-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js");
        Assert.Equal(Opinion, Assert.Single(unit.EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(0, (await ReadAsync(bot, "stc-key-789-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js")).GetArrayLength());
    }

    private static async Task SendFeedbackAsync(Infrastructure.BotHarness bot, long userId, string mode, string text)
    {
        var ask = await bot.SayAsync(userId, "/feedback");
        await bot.PressAndExpectReplyAsync(userId, ask, mode);
        var preview = await bot.SayAsync(userId, text);
        await PressAsync(bot, userId, preview.MessageId, "Gửi góp ý");
    }

    private static async Task<JsonElement> ReadAsync(Infrastructure.BotHarness bot, string key)
    {
        using var http = new HttpClient { BaseAddress = bot.WebUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var body = await http.GetStringAsync("api/feedback");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
