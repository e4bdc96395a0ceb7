using System.Text.Json;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Directive920Bot.Storage.LiteDb.Engagement;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

public sealed class PersonalDataTests
{
    [Fact]
    public async Task Engagement_data_is_exported_and_erasure_leaves_the_pseudonym_deletes_named_feedback_and_keeps_anonymous_feedback()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(3401);
        var (_, lesson) = await DeliverAsync(bot, cadre, Lesson1);
        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        var q1 = (await WaitForQuestionsAsync(bot, cadre.Id, 2)).Single(m => m.Text!.Contains("1/2", StringComparison.Ordinal));
        await PressOptionAsync(bot, cadre.Id, q1.MessageId, Lesson1, "q1", 3);
        foreach (var mode in new[] { "Gửi kèm tên", "Gửi ẩn danh" })
        {
            var ask = await bot.SayAsync(cadre.Id, "/gopy");
            await bot.PressAndExpectReplyAsync(cadre.Id, ask, mode);
            var preview = await bot.SayAsync(cadre.Id, "Góp ý " + mode + " về việc học tập Thông báo.");
            await PressAsync(bot, cadre.Id, preview.MessageId, "Gửi góp ý");
        }

        var personal = bot.Get<PersonalDataService>();
        using (var export = JsonDocument.Parse(personal.ExportJson(cadre.Id)))
        {
            var engagement = export.RootElement.GetProperty("engagement");
            Assert.Equal(1, engagement.GetProperty("Acknowledgements").GetArrayLength());
            Assert.Equal(1, engagement.GetProperty("QuizAnswers").GetArrayLength());
            Assert.Equal(1, engagement.GetProperty("Review").GetArrayLength());
            // Only the named feedback is theirs to export: the anonymous one is linked to nobody.
            Assert.Equal(1, engagement.GetProperty("Feedback").GetArrayLength());
        }

        var tombstone = personal.Erase(cadre.Id);

        var id = cadre.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (collection, table) in new[]
        {
            (LiteDbAcknowledgements.CollectionName, "acknowledgements"), (LiteDbQuizAnswers.AnswersCollection, "quiz_answers"),
            (LiteDbQuizAnswers.SentCollection, "quiz_sent"), (LiteDbReviews.CollectionName, "review_items"),
            (LiteDbEscalations.WatchCollection, "ack_watches"), (LiteDbFeedback.CollectionName, "feedback"),
        })
        {
            Assert.All(Infrastructure.StoredText.Records(bot, collection, table), record => Assert.DoesNotContain(id, record, StringComparison.Ordinal));
        }

        var ack = Assert.Single(bot.Get<IAcknowledgements>().ForItem(Lesson1));
        Assert.True(ack.SubscriberId < 0);
        Assert.Equal("SNV-VP", ack.UnitCode);
        // The lesson's acknowledgement and its answer belong to one delivery and keep its pseudonym; the tombstone has
        // one of its own.
        Assert.Equal(ack.SubscriberId, Assert.Single(bot.Get<IQuizAnswers>().ForQuestion(Lesson1, "q1")).SubscriberId);
        Assert.NotEqual(tombstone, ack.SubscriberId);
        // Named feedback (their words under their unit and minute) goes with them; anonymous feedback is nobody's.
        var feedback = Assert.Single(bot.Get<IFeedback>().All());
        Assert.True(feedback.Anonymous);
        Assert.Null(feedback.SubscriberId);
    }
}
