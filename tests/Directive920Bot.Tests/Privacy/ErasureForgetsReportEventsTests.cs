using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Infrastructure;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Privacy;

/// <summary>
/// Issue #15 item 5 (review): at erasure the records of report events about the person are deleted, not only kept as
/// keyed hashes; the anonymous per-unit counters they guarded stay as they were, and other people's records stay.
/// </summary>
public sealed class ErasureForgetsReportEventsTests
{
    [Fact]
    public async Task Delete_removes_the_persons_report_event_records_and_keeps_the_counts_and_other_peoples_records()
    {
        await using var bot = await StartAsync();
        var erased = await bot.RegisterAsync(5501, "Đinh Văn Khoa", "SKHCN");
        var kept = await bot.RegisterAsync(5502, "Lý Thị Ngân", "SKHCN");
        var (row, lesson) = await DeliverAsync(bot, erased, Lesson1);
        var (keptRow, _) = await DeliverAsync(bot, kept, Lesson1);
        await PressAsync(bot, erased.Id, lesson.MessageId, AckLabel);
        var question = (await WaitForQuestionsAsync(bot, erased.Id, 1)).First(m => m.Text!.Contains("1/", StringComparison.Ordinal));
        await PressOptionAsync(bot, erased.Id, question.MessageId, Lesson1, "q1", 0);
        await bot.Emulator.WaitUntilAsync(() => bot.Get<Directive920Bot.Engagement.IQuizAnswers>().ForSubscriber(erased.Id).Count == 1, BotHarness.Wait);
        var personEvents = new[] { "d:" + row.Id, "p:5501", "q:5501:" + ReportCounters.QuestionKey(Lesson1, "q1") };
        Assert.All(personEvents, e => Assert.True(Stored(bot, e), e));
        Assert.True(Stored(bot, "d:" + keptRow.Id));
        var counters = bot.Get<ReportCounters>();
        var before = counters.ItemsIn(["SKHCN"]).Single(c => c.ItemId == Lesson1);
        var participants = counters.QuizParticipants()["SKHCN"];

        await bot.Get<PersonalDataService>().EraseAsync(erased.Id);

        Assert.All(personEvents, e => Assert.False(Stored(bot, e), e));
        Assert.True(Stored(bot, "d:" + keptRow.Id));
        var after = counters.ItemsIn(["SKHCN"]).Single(c => c.ItemId == Lesson1);
        Assert.Equal(before.Delivered, after.Delivered);
        Assert.Equal(before.Acknowledged, after.Acknowledged);
        Assert.Equal(participants, counters.QuizParticipants()["SKHCN"]);
    }

    // Whether the event is recorded as counted, asked through the store on either provider: MarkCounted answers false
    // for an event already recorded. The probe's transaction is rolled back, so asking records nothing.
    private static bool Stored(BotHarness bot, string eventId)
    {
        var stored = false;
        var probe = Assert.Throws<InvalidOperationException>(() => bot.Get<IStorage>().Write(tx =>
        {
            stored = !bot.Get<IReportCounterStore>().MarkCounted(tx, eventId);
            throw new InvalidOperationException("probe rolled back");
        }));
        Assert.Equal("probe rolled back", probe.Message);
        return stored;
    }
}
