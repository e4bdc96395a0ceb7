using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

public sealed class SpacedReviewTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    [Fact]
    public async Task A_wrong_answer_comes_back_after_one_then_three_days_until_answered_right()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2901);
        var (_, lesson) = await DeliverAsync(bot, cadre, Lesson1);
        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        var q1 = (await WaitForQuestionsAsync(bot, cadre.Id, 2)).Single(m => m.Text!.Contains("1/2", StringComparison.Ordinal));
        await PressOptionAsync(bot, cadre.Id, q1.MessageId, Lesson1, "q1", 2);

        var reviews = bot.Get<IReviews>();
        var item = Assert.Single(reviews.OpenFor(cadre.Id));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 8, 0, 0, Vn).UtcDateTime, item.NextDueAt);
        var rv1 = bot.Get<DeliveryLedger>().Find(item.PendingDeliveryId!)!;
        Assert.Equal(DeliveryKind.Review, rv1.Kind);
        Assert.Equal(DeliveryState.Pending, rv1.State);

        // One day later the question comes back, with answer buttons of its own.
        bot.Clock.Advance(TimeSpan.FromDays(1));
        var (_, review1) = await WaitSentAsync(bot, rv1.Id);
        Assert.Contains("Ôn tập", review1.Text, StringComparison.Ordinal);
        await PressOptionAsync(bot, cadre.Id, review1.MessageId, Lesson1, "q1", 3);

        // Wrong again on Wednesday: three days later is Saturday, so it waits for Monday 07:00.
        item = Assert.Single(reviews.OpenFor(cadre.Id));
        Assert.Equal(2, item.WrongCount);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 7, 0, 0, Vn).UtcDateTime, item.NextDueAt);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 7, 0, 0, Vn));
        var (_, review2) = await WaitSentAsync(bot, item.PendingDeliveryId!);
        var verdict = await PressOptionAsync(bot, cadre.Id, review2.MessageId, Lesson1, "q1", 0);
        Assert.Contains("Chính xác", verdict, StringComparison.Ordinal);

        Assert.Empty(reviews.OpenFor(cadre.Id));
        Assert.True(reviews.Find(item.Id)!.Resolved);
        var answers = bot.Get<IQuizAnswers>().ForQuestion(Lesson1, "q1");
        Assert.Equal([false, false, true], answers.OrderBy(a => a.AnsweredAt).Select(a => a.Correct));
        Assert.Equal(2, answers.Count(a => a.IsReview));
    }

    [Fact]
    public async Task A_second_wrong_answer_from_another_copy_of_the_lesson_replaces_the_waiting_review_instead_of_adding_one()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2904);
        var (_, lesson) = await DeliverAsync(bot, cadre, Lesson1);
        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        var q1 = (await WaitForQuestionsAsync(bot, cadre.Id, 2)).Single(m => m.Text!.Contains("1/2", StringComparison.Ordinal));
        await PressOptionAsync(bot, cadre.Id, q1.MessageId, Lesson1, "q1", 2);
        var reviews = bot.Get<IReviews>();
        var rv1 = Assert.Single(reviews.OpenFor(cadre.Id)).PendingDeliveryId!;

        // The same lesson again from a campaign; its quiz is answered wrongly too before the first review is due.
        var (again, _) = await DeliverAsync(bot, cadre, Lesson1, campaignId: "again");
        await RouteCallbackAsync(bot, cadre.Id, Key(bot, cadre.Id, AcknowledgementService.QuizAction, again.Id));
        var copy = (await WaitForMessagesAsync(bot, cadre.Id, m => m.MessageId != q1.MessageId && m.Text?.Contains("Câu hỏi 1/2", StringComparison.Ordinal) == true, 1)).Single();
        await PressOptionAsync(bot, cadre.Id, copy.MessageId, Lesson1, "q1", 1);

        var ledger = bot.Get<DeliveryLedger>();
        var item = Assert.Single(reviews.OpenFor(cadre.Id));
        Assert.Equal(2, item.WrongCount);
        Assert.NotEqual(rv1, item.PendingDeliveryId);
        Assert.Equal(DeliveryState.Skipped, ledger.Find(rv1)!.State);
        Assert.Single(ledger.ForSubscriber(cadre.Id), r => r is { Kind: DeliveryKind.Review, State: DeliveryState.Pending });
    }

    [Fact]
    public async Task The_weekly_review_on_friday_afternoon_mixes_the_questions_that_are_due_once()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(2902);
        var (_, lesson) = await DeliverAsync(bot, cadre, Lesson1);
        await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        var questions = await WaitForQuestionsAsync(bot, cadre.Id, 2);
        await PressOptionAsync(bot, cadre.Id, questions.Single(m => m.Text!.Contains("1/2", StringComparison.Ordinal)).MessageId, Lesson1, "q1", 1);
        var q2 = questions.Single(m => m.Text!.Contains("2/2", StringComparison.Ordinal));
        await TickOptionAsync(bot, cadre.Id, q2.MessageId, Lesson1, "q2", 0);
        await PressAsync(bot, cadre.Id, q2.MessageId, "Gửi trả lời");
        var reminders = bot.Get<ReminderService>();

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 14, 59, 0, Vn));
        Assert.Equal(0, (await reminders.RunAsync(bot.Clock.GetUtcNow())).WeeklyReviewRows);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 15, 0, 0, Vn));
        Assert.Equal(2, (await reminders.RunAsync(bot.Clock.GetUtcNow())).WeeklyReviewRows);
        Assert.Equal(0, (await reminders.RunAsync(bot.Clock.GetUtcNow())).WeeklyReviewRows);

        var weekly = await WaitForMessagesAsync(bot, cadre.Id, m => m.Text?.Contains("Ôn tập hằng tuần", StringComparison.Ordinal) == true, 2);
        Assert.All(weekly, m => Assert.NotEmpty(m.Buttons));
    }
}
