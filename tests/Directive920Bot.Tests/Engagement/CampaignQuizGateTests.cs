using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Emulator;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

/// <summary>"Acknowledge after understanding" chosen per campaign, over the curriculum's default, and the in-place unlock.</summary>
public sealed class CampaignQuizGateTests
{
    private const string Locked = "Trả lời câu hỏi để xác nhận";
    private const string UnlockMessage = "Mời đồng chí xác nhận";

    [Fact]
    public async Task A_campaign_that_asks_for_it_locks_the_button_until_the_quiz_is_answered_though_the_curriculum_does_not()
    {
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["Admin:ApiKeys:propaganda"] = "bloc-key-123-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js" });
        Assert.False(bot.Get<EngagementPolicyResolver>().Default.RequireQuizBeforeAck);
        var cadre = await bot.RegisterAsync(3101);
        using var http = bot.Http();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bloc-key-123-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js");

        var created = await http.PostAsync("api/campaigns", new StringContent(
            $$"""{"lessonId":"{{Lesson1}}","audience":{"subscriberIds":[{{cadre.Id}}]},"requireQuizBeforeAck":true}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.True((await http.GetFromJsonAsync<JsonElement>("api/campaigns/" + id)).GetProperty("requireQuizBeforeAck").GetBoolean());

        var row = bot.Get<DeliveryLedger>().ForCampaign(id).Single();
        var (_, lesson) = await WaitSentAsync(bot, row.Id);
        Assert.Contains(Locked, Assert.Single(lesson.Buttons.SelectMany(b => b)).Text, StringComparison.Ordinal);
        await RouteCallbackAsync(bot, cadre.Id, Key(bot, cadre.Id, AcknowledgementService.AckAction, row.Id));
        Assert.Equal(0, bot.Get<IAcknowledgements>().Count());

        await PressAsync(bot, cadre.Id, lesson.MessageId, Locked);
        var questions = await WaitForQuestionsAsync(bot, cadre.Id, 2);
        var q1 = questions.Single(m => m.Text!.Contains("1/2", StringComparison.Ordinal));
        var wrong = await PressOptionAsync(bot, cadre.Id, q1.MessageId, Lesson1, "q1", 2);
        Assert.Contains("Chưa chính xác", wrong, StringComparison.Ordinal);
        Assert.Contains("💡", bot.Current(cadre.Id, q1.MessageId).Text, StringComparison.Ordinal);
        Assert.Contains(Locked, bot.Current(cadre.Id, lesson.MessageId).Buttons.Single().Single().Text, StringComparison.Ordinal);

        var q2 = questions.Single(m => m.Text!.Contains("2/2", StringComparison.Ordinal));
        foreach (var option in new[] { 1, 2, 3 })
        {
            await TickOptionAsync(bot, cadre.Id, q2.MessageId, Lesson1, "q2", option);
        }

        var right = await PressAsync(bot, cadre.Id, q2.MessageId, "Gửi trả lời");
        Assert.Contains("Chính xác", right, StringComparison.Ordinal);
        Assert.Contains("bài học phía trên đã mở", right, StringComparison.Ordinal);
        Assert.Contains("💡", bot.Current(cadre.Id, q2.MessageId).Text, StringComparison.Ordinal);

        // The lesson itself now carries the live button, where the locked one was; no extra message.
        var unlocked = bot.Current(cadre.Id, lesson.MessageId);
        Assert.Contains(AckLabel, unlocked.Buttons.Single().Single().Text, StringComparison.Ordinal);
        Assert.Equal(lesson.Text, unlocked.Text);
        Assert.DoesNotContain(bot.BotMessages(cadre.Id), m => m.Text?.Contains(UnlockMessage, StringComparison.Ordinal) == true);

        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        var ack = Assert.Single(bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id));
        Assert.Equal(row.Id, ack.DeliveryId);
        Assert.Contains("Đã xác nhận lúc", bot.Current(cadre.Id, lesson.MessageId).Text, StringComparison.Ordinal);
        Assert.Equal(2, bot.BotMessages(cadre.Id).Count(m => m.Text?.Contains("Câu hỏi", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task A_campaign_that_turns_it_off_keeps_the_button_open_though_the_curriculum_asks_for_it()
    {
        var content = CopyContent();
        Edit(content, "curriculum.yaml", c => c.Replace("requireQuizBeforeAck: false", "requireQuizBeforeAck: true", StringComparison.Ordinal));
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["Content:Path"] = content });
        Assert.True(bot.Get<EngagementPolicyResolver>().Default.RequireQuizBeforeAck);
        var cadre = await bot.RegisterAsync(3102);

        // The curriculum's default holds for a lesson of the track...
        var (_, trackLesson) = await DeliverAsync(bot, cadre, Lesson2);
        Assert.Contains(Locked, trackLesson.Buttons.Single().Single().Text, StringComparison.Ordinal);

        // ...but not for this campaign.
        var campaign = bot.Get<CampaignService>().Create(
            new CampaignRequest(Lesson1, null, new AudienceRequest(SubscriberIds: [cadre.Id]), RequireQuizBeforeAck: false), Actor.Console("test"));
        Assert.False(campaign.RequireQuizBeforeAck);
        var row = bot.Get<DeliveryLedger>().ForCampaign(campaign.Id).Single();
        var (_, lesson) = await WaitSentAsync(bot, row.Id);
        Assert.Contains(AckLabel, lesson.Buttons.Single().Single().Text, StringComparison.Ordinal);

        var answer = await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        Assert.Contains("Cảm ơn", answer, StringComparison.Ordinal);
        Assert.Equal(row.Id, Assert.Single(bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id)).DeliveryId);
        // The quiz follows the acknowledgement, as the curriculum's quiz.after says.
        await WaitForQuestionsAsync(bot, cadre.Id, 2);
    }

    [Fact]
    public async Task When_the_lesson_message_cannot_be_edited_the_button_comes_in_a_new_message()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(3103);
        var campaign = bot.Get<CampaignService>().Create(
            new CampaignRequest(Lesson1, null, new AudienceRequest(SubscriberIds: [cadre.Id]), RequireQuizBeforeAck: true), Actor.Console("test"));
        var row = bot.Get<DeliveryLedger>().ForCampaign(campaign.Id).Single();
        var (_, lesson) = await WaitSentAsync(bot, row.Id);
        await PressAsync(bot, cadre.Id, lesson.MessageId, Locked);
        var questions = await WaitForQuestionsAsync(bot, cadre.Id, 2);
        await PressOptionAsync(bot, cadre.Id, questions.Single(m => m.Text!.Contains("1/2", StringComparison.Ordinal)).MessageId, Lesson1, "q1", 0);

        // Telegram refuses to edit a message that was deleted or is too old.
        using (var fault = bot.Emulator.InjectFault(new FaultRule
        {
            Method = "editMessageReplyMarkup",
            StatusCode = 400,
            Description = "Bad Request: message to edit not found",
        }))
        {
            var q2 = questions.Single(m => m.Text!.Contains("2/2", StringComparison.Ordinal));
            await TickOptionAsync(bot, cadre.Id, q2.MessageId, Lesson1, "q2", 0);
            var verdict = await PressAsync(bot, cadre.Id, q2.MessageId, "Gửi trả lời");
            Assert.DoesNotContain("phía trên", verdict, StringComparison.Ordinal);
            Assert.Equal(1, fault.Hits);
        }

        var unlock = (await WaitForMessagesAsync(bot, cadre.Id, m => m.Text?.Contains(UnlockMessage, StringComparison.Ordinal) == true, 1)).Single();
        Assert.Contains(AckLabel, unlock.Buttons.Single().Single().Text, StringComparison.Ordinal);
        Assert.Contains(Locked, bot.Current(cadre.Id, lesson.MessageId).Buttons.Single().Single().Text, StringComparison.Ordinal);

        // The locked button left on the lesson now opens instead of asking for the questions again.
        var reply = await PressAsync(bot, cadre.Id, lesson.MessageId, Locked);
        Assert.Contains("đã trả lời đủ", reply, StringComparison.Ordinal);
        Assert.Contains(AckLabel, bot.Current(cadre.Id, lesson.MessageId).Buttons.Single().Single().Text, StringComparison.Ordinal);
        Assert.Equal(2, bot.BotMessages(cadre.Id).Count(m => m.Text?.Contains("Câu hỏi", StringComparison.Ordinal) == true));

        await PressAsync(bot, cadre.Id, unlock.MessageId, AckLabel);
        Assert.Equal(row.Id, Assert.Single(bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id)).DeliveryId);
    }
}
