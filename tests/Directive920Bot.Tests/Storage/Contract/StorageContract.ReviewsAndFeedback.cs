using Directive920Bot.Engagement;
using Directive920Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>Spaced review, feedback, and the period read models reports use: the same answers from every provider.</summary>
public abstract partial class StorageContract
{
    private static ReviewItem Review(long person, string unit, string question, bool resolved = false) => new()
    {
        Id = ReviewItem.IdFor(person, "lesson-1", question),
        SubscriberId = person,
        ItemId = "lesson-1",
        QuestionId = question,
        UnitCode = unit,
        WrongCount = 1,
        NextDueAt = Monday.AddDays(2),
        PendingDeliveryId = $"rv:lesson-1:{person}",
        Resolved = resolved,
        UpdatedAt = Monday,
    };

    [SkippableFact]
    public async Task Open_review_items_are_counted_per_unit_by_member_and_move_to_the_pseudonym_on_erasure()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var reviews = store.GetRequiredService<IReviews>();
        await storage.WriteAsync(tx =>
        {
            reviews.Save(tx, Review(7, "SNV", "q1"));
            reviews.Save(tx, Review(7, "SNV", "q2"));
            reviews.Save(tx, Review(8, "SNV", "q1", resolved: true));
            reviews.Save(tx, Review(9, "STC", "q1"));
            reviews.SetLastWeeklySlot(tx, "20261130");
        });

        Assert.Equal(new Dictionary<string, int> { ["SNV"] = 1, ["STC"] = 1 }, store.GetRequiredService<IOpenReviews>().MembersDueByUnit());
        Assert.Equal(3, reviews.Open().Count);
        Assert.Equal(["q1", "q2"], reviews.OpenFor(7).Select(r => r.QuestionId).Order(StringComparer.Ordinal));
        Assert.Equal([9L], reviews.OpenForUnits(["STC"]).Select(r => r.SubscriberId));
        Assert.Equal("20261130", reviews.LastWeeklySlot());

        var erasure = Erasure(7);
        await storage.WriteAsync(tx => reviews.EraseSubscriber(tx, 7, erasure));

        Assert.Empty(reviews.ForSubscriber(7));
        var pseudonym = erasure.ForReview("lesson-1", "q1");
        var moved = reviews.Find(ReviewItem.IdFor(pseudonym, "lesson-1", "q1"))!;
        Assert.Equal((pseudonym, (string?)null, Monday.AddDays(2)), (moved.SubscriberId, moved.PendingDeliveryId, moved.NextDueAt.ToUniversalTime()));
        // The person's two questions do not share a pseudonym: nothing joins them back into one person.
        Assert.NotNull(reviews.Find(ReviewItem.IdFor(erasure.ForReview("lesson-1", "q2"), "lesson-1", "q2")));
        Assert.NotEqual(pseudonym, erasure.ForReview("lesson-1", "q2"));
    }

    [SkippableFact]
    public async Task Feedback_is_stored_once_per_token_named_feedback_is_found_by_unit_and_an_erasure_deletes_the_persons_own()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var feedback = store.GetRequiredService<IFeedback>();
        await storage.WriteAsync(tx => feedback.SaveDraft(tx, new FeedbackDraft { Id = 7, Token = "t1", Text = "Góp ý" }));
        Assert.Equal("Góp ý", feedback.Draft(7)!.Text);

        var first = await storage.WriteAsync(tx => feedback.Submit(tx, new Feedback { Id = "t1", SubscriberId = 7, UnitCode = "SNV", Text = "Góp ý", CreatedAt = Monday }, 7));
        var again = await storage.WriteAsync(tx => feedback.Submit(tx, new Feedback { Id = "t1", SubscriberId = 7, UnitCode = "SNV", Text = "Góp ý", CreatedAt = Monday }, 7));
        await storage.WriteAsync(tx => feedback.Submit(tx, new Feedback { Id = "t2", Anonymous = true, Text = "Ẩn danh", CreatedAt = Monday.AddHours(1) }, 8));

        Assert.True(first);
        Assert.False(again);
        Assert.Null(feedback.Draft(7));
        Assert.Equal(["t2", "t1"], feedback.All().Select(f => f.Id));
        Assert.Equal(["t1"], feedback.NamedFromUnits(["SNV"]).Select(f => f.Id));
        Assert.Equal(1, feedback.CountBefore(Monday.AddMinutes(30)));

        await storage.WriteAsync(tx => feedback.EraseSubscriber(tx, 7, Erasure(7)));

        Assert.Equal(["t2"], feedback.All().Select(f => f.Id));
        Assert.Equal(1, await storage.WriteAsync(tx => feedback.DeleteBefore(tx, Monday.AddDays(1))));
        Assert.Equal(0, feedback.Count());
    }

    [SkippableFact]
    public async Task Reports_read_acknowledgements_and_answers_of_a_period_from_its_start_up_to_its_end()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var acks = store.GetRequiredService<IAcknowledgements>();
        var answers = store.GetRequiredService<IQuizAnswers>();
        var late = Ack(8, "lesson-1", "lesson-1");
        late.AcknowledgedAt = Monday.AddDays(1);
        late.OnTime = false;
        var later = Answer(8, "q1", 2);
        later.AnsweredAt = Monday.AddDays(1);
        await storage.WriteAsync(tx =>
        {
            acks.InsertNew(tx, Ack(7, "lesson-1", "lesson-1"));
            acks.InsertNew(tx, late);
            answers.Add(tx, Answer(7, "q1", 1));
            answers.Add(tx, later);
        });

        var acknowledged = store.GetRequiredService<IAcknowledgementHistory>().AcknowledgedBetween(Monday, Monday.AddDays(1)).ToList();
        var answered = store.GetRequiredService<IAnswerHistory>().AnsweredBetween(Monday, Monday.AddDays(1)).ToList();

        var ack = Assert.Single(acknowledged);
        Assert.Equal(("c:c1:1:7", "SNV", true, Monday, Monday.AddHours(2)), (ack.DeliveryId, ack.UnitCode, ack.OnTime, ack.DeliveredAt.ToUniversalTime(), ack.AcknowledgedAt.ToUniversalTime()));
        var answer = Assert.Single(answered);
        Assert.Equal((7L, "lesson-1:q1", "lesson-1", true, false, "SNV", Monday), (answer.SubscriberId, answer.QuestionKey, answer.ItemId, answer.Correct, answer.IsReview, answer.UnitCode, answer.AnsweredAt.ToUniversalTime()));
        Assert.Equal(2, store.GetRequiredService<IAcknowledgementHistory>().AcknowledgedBetween(Monday, Monday.AddDays(2)).Count());
    }

    [SkippableFact]
    public async Task Feedback_from_another_feature_is_replaced_under_its_own_id_and_deleted_by_it()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var feedback = store.GetRequiredService<IFeedback>();
        Feedback Proposal(string text) => new()
        {
            Id = "impl:SNV:L2:2026-Q4", UnitCode = "SNV", Text = text, Source = "implementation", RequirementId = "L2", PeriodId = "2026-Q4", CreatedAt = Monday,
        };

        await storage.WriteAsync(tx => feedback.Upsert(tx, Proposal("Kiến nghị thứ nhất")));
        await storage.WriteAsync(tx => feedback.Upsert(tx, Proposal("Kiến nghị đã sửa")));

        var stored = Assert.Single(feedback.All());
        Assert.Equal(("Kiến nghị đã sửa", "L2", "2026-Q4"), (stored.Text, stored.RequirementId, stored.PeriodId));
        Assert.True(await storage.WriteAsync(tx => feedback.Delete(tx, "impl:SNV:L2:2026-Q4")));
        Assert.False(await storage.WriteAsync(tx => feedback.Delete(tx, "impl:SNV:L2:2026-Q4")));
        Assert.Empty(feedback.All());
    }
}
