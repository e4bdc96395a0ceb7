using System.Net.Http.Headers;
using System.Text.Json;
using Directive920Bot.Content;
using Directive920Bot.Questions;
using Directive920Bot.Storage.LiteDb.Questions;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Questions;

public sealed class AskTheNoticeJourneyTests
{
    private const string BlocKey = "bloc-key-123-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js";
    private const string UnitKey = "stc-key-789-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js";

    private static readonly Dictionary<string, string?> ApiKeys = new()
    {
        ["Admin:ApiKeys:propaganda"] = BlocKey,
        ["Admin:ApiKeys:stc:Key"] = UnitKey,
        ["Admin:ApiKeys:stc:Role"] = "UnitAdmin",
        ["Admin:ApiKeys:stc:Units:0"] = "STC",
    };

    [Fact]
    public async Task A_cadre_asks_in_their_own_words_and_gets_passages_with_item_ids_the_lesson_and_the_source_note()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(3401);
        await DeliverAsync(bot, cadre, "c2-shortcomings");

        var answer = await bot.SayAsync(cadre.Id, "/hoi han che cua can bo la gi");
        Assert.Contains("Nội dung C2", answer.Text, StringComparison.Ordinal);
        Assert.Contains("📖 Bài học:", answer.Text, StringComparison.Ordinal);
        Assert.Contains("tóm lược bài báo", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("mục C2", answer.Text, StringComparison.Ordinal);

        // The lesson the cadre has received opens from the answer.
        var lesson = await bot.PressAndExpectReplyAsync(cadre.Id, answer, "📖 Mở");
        Assert.Equal(bot.Get<ContentService>().Current.Find("c2-shortcomings")!.For("vi").Title, lesson.Text!.Split('\n')[0]);

        // A plain message that is not a dialogue step is a question too.
        var plain = await bot.SayAsync(cadre.Id, "Thông báo yêu cầu gì về chuyển đổi số?");
        Assert.Contains("Nội dung S2", plain.Text, StringComparison.Ordinal);
        Assert.Empty(bot.Get<IUnansweredQuestions>().List(null));
    }

    [Fact]
    public async Task An_english_speaker_gets_english_passages()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync(3402, "Vo Thi Em", language: "en");
        var answer = await bot.SayAsync(3402, "/ask what does the notice say about digital transformation?");
        Assert.Contains("Item S2", answer.Text, StringComparison.Ordinal);
        Assert.Contains("newspaper report", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_asked_early_in_the_morning_is_filed_under_that_local_day()
    {
        // 23:30 UTC on 1 December is 06:30 on 2 December in Vinh (UTC+7).
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(3405);
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero));

        await bot.SayAsync(cadre.Id, "Thời tiết ngày mai ở Vinh thế nào?");

        Assert.Equal(new DateOnly(2026, 12, 2), DateOnly.FromDateTime(Assert.Single(bot.Get<IUnansweredQuestions>().List(null)).AskedOn));
    }

    [Fact]
    public async Task An_off_topic_question_is_answered_not_in_the_notice_stored_forwarded_and_listed_for_propaganda_staff()
    {
        await using var bot = await StartAsync(ApiKeys);
        var cadre = await bot.RegisterAsync(3403);
        var answer = await bot.SayAsync(cadre.Id, "Thời tiết ngày mai ở Vinh thế nào?");
        Assert.Contains("Chưa tìm thấy nội dung này trong Thông báo", answer.Text, StringComparison.Ordinal);

        var stored = Assert.Single(bot.Get<IUnansweredQuestions>().List(null));
        Assert.Equal("Thời tiết ngày mai ở Vinh thế nào?", stored.Text);
        Assert.Equal("SNV-VP", stored.UnitCode);
        Assert.False(stored.Forwarded);
        Assert.Equal(TimeSpan.Zero, stored.AskedOn.TimeOfDay);

        // Nothing in the stored question names the asker.
        var raw = Assert.Single(Infrastructure.StoredText.Records(bot, LiteDbUnansweredQuestions.CollectionName, "unanswered_questions"));
        Assert.DoesNotContain(cadre.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), raw, StringComparison.Ordinal);

        await bot.PressAsync(cadre.Id, answer, "Gửi câu hỏi cho cán bộ tuyên giáo");
        Assert.True(bot.Get<IUnansweredQuestions>().Find(stored.Id)!.Forwarded);
        Assert.Contains("Đã gửi cho cán bộ tuyên giáo", bot.Current(cadre.Id, answer.MessageId).Text, StringComparison.Ordinal);

        using var http = bot.Http();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BlocKey);
        var json = JsonDocument.Parse(await http.GetStringAsync("api/questions/unanswered")).RootElement;
        var row = Assert.Single(json.EnumerateArray());
        Assert.Equal("Thời tiết ngày mai ở Vinh thế nào?", row.GetProperty("question").GetString());
        Assert.True(row.GetProperty("forwarded").GetBoolean());
        Assert.Equal("SNV-VP", row.GetProperty("unit").GetString());

        var csv = await http.GetAsync("api/questions/unanswered?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Date,Unit,Language,Question,Forwarded,Confidence", text, StringComparison.Ordinal);
        Assert.Contains("Thời tiết ngày mai ở Vinh thế nào?", text, StringComparison.Ordinal);

        // The thematic report of the unit counts and lists it with the cadres' feedback.
        var day = DateOnly.FromDateTime(stored.AskedOn);
        var feedback = bot.Get<Directive920Bot.Reports.ReportFeedback>().For("SNV-VP", day, day);
        Assert.Contains("Số câu hỏi của cán bộ chưa có trong nội dung học: 1", feedback);
        Assert.Contains("Câu hỏi chưa có trong nội dung học: Thời tiết ngày mai ở Vinh thế nào?", feedback);
        Assert.DoesNotContain(bot.Get<Directive920Bot.Reports.ReportFeedback>().For("STC", day, day), l => l.Contains("Vinh", StringComparison.Ordinal));

        // A unit admin of another unit sees none of it; without a key there is nothing.
        using var unit = bot.Http();
        unit.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", UnitKey);
        Assert.Equal(0, JsonDocument.Parse(await unit.GetStringAsync("api/questions/unanswered")).RootElement.GetArrayLength());
        using var anonymous = bot.Http();
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/questions/unanswered")).StatusCode);
    }

    [Fact]
    public async Task A_text_over_five_hundred_characters_gets_a_polite_note_and_is_not_searched()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(3404);
        var reply = await bot.SayAsync(cadre.Id, string.Concat(Enumerable.Repeat("cán bộ ", 80)));
        Assert.Contains("hỏi ngắn gọn, không quá 500 ký tự", reply.Text, StringComparison.Ordinal);
        Assert.Empty(bot.Get<IUnansweredQuestions>().List(null));

        var usage = await bot.SayAsync(cadre.Id, "/hoi");
        Assert.Contains("/hoi", usage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_index_follows_a_content_reload()
    {
        var content = CopyContent();
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["Content:Path"] = content });
        Assert.False(bot.Get<NoticeSearch>().Ask("VNeID").Found);

        Edit(content, "lessons/vi/09-staff-learning-digital.md", text => text.Replace(
            "\n---\n", "\n---\n\nVí dụ thử nghiệm: hướng dẫn người dân dùng VNeID (S2).\n", StringComparison.Ordinal));
        Assert.Empty(bot.Get<ContentService>().Reload().Errors);

        var answer = bot.Get<NoticeSearch>().Ask("VNeID");
        Assert.True(answer.Found);
        Assert.Equal(["S2"], answer.Passages[0].ItemIds);
    }
}
