using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>Acknowledgements and quiz answers: stored once per key, found by what reports and handlers ask, re-keyed on erasure.</summary>
public abstract partial class StorageContract
{
    private static Acknowledgement Ack(long person, string subject, string? item = null) => new()
    {
        Id = Acknowledgement.IdFor(person, subject, "h1"),
        SubscriberId = person,
        ItemId = item,
        Subject = subject,
        ContentHash = "h1",
        DeliveryId = $"c:c1:1:{person}",
        UnitCode = "SNV",
        Role = CadreRole.Staff,
        DeliveredAt = Monday,
        Deadline = Monday.AddDays(3),
        AcknowledgedAt = Monday.AddHours(2),
        OnTime = true,
    };

    private static QuizAnswer Answer(long person, string question, int selected) => new()
    {
        Id = QuizAnswer.IdFor($"q:lesson-1:{person}", question),
        SubscriberId = person,
        DeliveryId = $"q:lesson-1:{person}",
        ItemId = "lesson-1",
        QuestionId = question,
        QuestionKey = $"lesson-1:{question}",
        Selected = [selected],
        Shown = [0, 1, 2],
        Correct = selected == 1,
        UnitCode = "SNV",
        AnsweredAt = Monday,
    };

    [SkippableFact]
    public async Task A_repeated_acknowledgement_fails_on_its_key_and_an_erasure_re_keys_it()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var acks = store.GetRequiredService<IAcknowledgements>();
        await storage.WriteAsync(tx =>
        {
            acks.InsertNew(tx, Ack(7, "lesson-1", "lesson-1"));
            acks.InsertNew(tx, Ack(8, "lesson-1", "lesson-1"));
            acks.InsertNew(tx, Ack(7, "c:c9:1"));
        });

        await Assert.ThrowsAsync<DuplicateKeyException>(() => storage.WriteAsync(tx => acks.InsertNew(tx, Ack(7, "lesson-1", "lesson-1"))));
        Assert.Equal(3, acks.Count());
        Assert.Equal([7L, 8L], acks.ForItem("lesson-1").Select(a => a.SubscriberId).Order());
        Assert.Equal(["c:c9:1"], acks.ForSubject("c:c9:1").Select(a => a.Subject));
        var read = acks.Find(Acknowledgement.IdFor(7, "lesson-1", "h1"))!;
        Assert.Equal((Monday.AddHours(2), true, CadreRole.Staff), (read.AcknowledgedAt.ToUniversalTime(), read.OnTime, read.Role));

        var erased = Ack(-99, "lesson-1", "lesson-1");
        await storage.WriteAsync(tx => acks.Replace(tx, read, erased));
        Assert.Null(acks.Find(read.Id));
        Assert.Equal(["c:c9:1"], acks.ForSubscriber(7).Select(a => a.Subject));
        Assert.Equal([-99L, 8L], acks.ForItem("lesson-1").Select(a => a.SubscriberId).Order());
    }

    [SkippableFact]
    public async Task The_first_quiz_answer_counts_drops_the_pending_ticks_and_moves_to_the_pseudonym_on_erasure()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var answers = store.GetRequiredService<IQuizAnswers>();
        var delivery = "q:lesson-1:7";
        await storage.WriteAsync(tx =>
        {
            answers.SaveSelection(tx, new QuizSelection { Id = QuizAnswer.IdFor(delivery, "q1"), SubscriberId = 7, Selected = [2] });
            answers.RecordSent(tx, new QuizQuestionSent { Id = QuizAnswer.IdFor(delivery, "q1"), SubscriberId = 7, DeliveryId = delivery, ItemId = "lesson-1", QuestionId = "q1", PollId = "poll-5", SentAt = Monday });
        });
        Assert.Equal([2], answers.Selection(delivery, "q1").Selected);

        var first = await storage.WriteAsync(tx => answers.Add(tx, Answer(7, "q1", 1)));
        var second = await storage.WriteAsync(tx => answers.Add(tx, Answer(7, "q1", 2)));
        await storage.WriteAsync(tx => answers.Add(tx, Answer(8, "q1", 0)));

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal([1], second.Stored.Selected);
        Assert.Empty(answers.Selection(delivery, "q1").Selected);
        Assert.Equal("q1", answers.FindPoll("poll-5")!.QuestionId);
        Assert.Equal([7L, 8L], answers.ForQuestion("lesson-1", "q1").Select(a => a.SubscriberId).Order());
        Assert.Equal(2, answers.ForUnits(["SNV"]).Count);
        Assert.Single(answers.ForDelivery(delivery));

        var erasure = Erasure(7);
        await storage.WriteAsync(tx => answers.EraseSubscriber(tx, 7, erasure));

        Assert.Empty(answers.ForSubscriber(7));
        var moved = answers.Find(erasure.Relink(delivery), "q1")!;
        Assert.Equal((erasure.ForDelivery(delivery), true), (moved.SubscriberId, moved.Correct));
        Assert.True(moved.SubscriberId < 0);
        Assert.Null(answers.FindPoll("poll-5"));
        Assert.Equal(2, answers.ForItem("lesson-1").Count);
    }
}
