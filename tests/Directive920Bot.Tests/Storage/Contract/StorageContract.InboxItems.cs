using Directive920Bot.Engagement;
using Directive920Bot.Questions;
using Directive920Bot.Storage;
using Directive920Bot.WebConsole;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>
/// The feedback page's rows: both providers filter by scope, day, kind and handled, order by day (newest first), kind and
/// id, and cut the same pages with the same total; one feedback item is found by its id.
/// </summary>
public abstract partial class StorageContract
{
    // The bot's zone (UTC+7, no summer time): a named item at 18:30 UTC belongs to the next local day.
    private static readonly TimeZoneInfo Hanoi = TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "ICT", "ICT");

    private static InboxQuery Inbox(IReadOnlyCollection<string>? units = null, DateOnly? from = null, DateOnly? to = null, bool? handled = null, string? kind = null) =>
        new(units, from ?? new DateOnly(2026, 11, 1), to ?? new DateOnly(2026, 12, 1), Hanoi, handled, kind);

    private static string[] Keys(InboxItemsPage page) => [.. page.Items.Select(i => i.Kind + ":" + i.Id)];

    [SkippableFact]
    public async Task The_inbox_rows_are_filtered_ordered_and_paged_by_the_store_with_the_total_of_every_page()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var feedback = store.GetRequiredService<IFeedback>();
        var questions = store.GetRequiredService<IUnansweredQuestions>();
        var marks = store.GetRequiredService<IHandledMarks>();
        var items = store.GetRequiredService<IInboxItems>();
        static DateTime Utc(int month, int day, int hour = 0, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);
        await storage.WriteAsync(tx =>
        {
            // 18:30 UTC on 30 November is 01:30 on 1 December in the bot's zone: listed under 1 December.
            feedback.Upsert(tx, new Feedback { Id = "fb-snv", SubscriberId = 7, UnitCode = "SNV-VP", Text = "SNV", CreatedAt = Utc(11, 30, 18, 30) });
            feedback.Upsert(tx, new Feedback { Id = "fb-a", SubscriberId = 8, UnitCode = "STC", Text = "STC sớm", CreatedAt = Utc(12, 1, 1) });
            feedback.Upsert(tx, new Feedback { Id = "fb-stc", SubscriberId = 9, UnitCode = "STC", Text = "STC", CreatedAt = Utc(11, 29, 10) });
            feedback.Upsert(tx, new Feedback { Id = "fb-anon", Anonymous = true, Text = "ẩn danh", CreatedAt = Utc(11, 30) });
            feedback.Upsert(tx, new Feedback { Id = "fb-old", SubscriberId = 7, UnitCode = "SNV-VP", Text = "cũ", CreatedAt = Utc(10, 1, 5) });
            questions.Save(tx, new UnansweredQuestion { Id = "q-snv", UnitCode = "SNV-VP", Text = "?", AskedOn = Utc(12, 1) });
            questions.Save(tx, new UnansweredQuestion { Id = "q-none", Text = "?", AskedOn = Utc(11, 30) });
            questions.Save(tx, new UnansweredQuestion { Id = "q-stc", UnitCode = "STC", Text = "?", AskedOn = Utc(11, 28) });
            questions.Save(tx, new UnansweredQuestion { Id = "q-late", UnitCode = "STC", Text = "?", AskedOn = Utc(12, 2) });
            marks.TryAdd(tx, new HandledMark { Id = "question:q-none", At = Utc(12, 1, 2) });
            marks.TryAdd(tx, new HandledMark { Id = "feedback:fb-old", At = Utc(12, 1, 2) });
        });

        var all = items.Page(Inbox(), 1, 50);
        Assert.Equal(["feedback:fb-a", "feedback:fb-snv", "question:q-snv", "feedback:fb-anon", "question:q-none", "feedback:fb-stc", "question:q-stc"], Keys(all));
        Assert.Equal((7, 1, 1), (all.Total, all.Page, all.Pages));
        Assert.Equal([new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 30)], all.Items.Select(i => i.Day).Distinct().Take(2));
        Assert.Equal("SNV", all.Items[1].Feedback!.Text);
        Assert.Null(all.Items[1].Question);
        Assert.Equal("q-snv", all.Items[2].Question!.Id);
        Assert.Equal(Utc(12, 1, 2), all.Items.Single(i => i.Id == "q-none").HandledAt);
        Assert.Null(all.Items[0].HandledAt);

        var second = items.Page(Inbox(), 2, 3);
        Assert.Equal(["feedback:fb-anon", "question:q-none", "feedback:fb-stc"], Keys(second));
        Assert.Equal((7, 2, 3), (second.Total, second.Page, second.Pages));
        var pastTheEnd = items.Page(Inbox(), 99, 3);
        Assert.Equal(["question:q-stc"], Keys(pastTheEnd));
        Assert.Equal((3, 3), (pastTheEnd.Page, pastTheEnd.Pages));
        Assert.Equal(Keys(items.Page(Inbox(), 1, 3)), Keys(items.Page(Inbox(), -4, 3)));

        // A unit's scope: its named feedback and its questions; never anonymous feedback or a question of no unit.
        Assert.Equal(["feedback:fb-snv", "question:q-snv"], Keys(items.Page(Inbox(units: ["SNV-VP", "SNV"]), 1, 50)));
        Assert.Equal(["feedback:fb-a", "feedback:fb-stc", "question:q-stc"], Keys(items.Page(Inbox(units: ["STC"]), 1, 50)));
        Assert.Equal(0, items.Page(Inbox(units: ["NONE"]), 1, 50).Total);

        // The day filter takes the named item's local day and the kept dates of the others.
        Assert.Equal(["feedback:fb-anon", "question:q-none"], Keys(items.Page(Inbox(from: new DateOnly(2026, 11, 30), to: new DateOnly(2026, 11, 30)), 1, 50)));
        Assert.Equal(["feedback:fb-old"], Keys(items.Page(Inbox(from: new DateOnly(2026, 10, 1), to: new DateOnly(2026, 10, 1)), 1, 50)));
        Assert.Equal(["question:q-late"], Keys(items.Page(Inbox(from: new DateOnly(2026, 12, 2), to: new DateOnly(2026, 12, 2)), 1, 50)));

        Assert.Equal(["question:q-none"], Keys(items.Page(Inbox(handled: true), 1, 50)));
        Assert.Equal(6, items.Page(Inbox(handled: false), 1, 50).Total);
        Assert.Equal(["question:q-snv", "question:q-stc"], Keys(items.Page(Inbox(handled: false, kind: FeedbackInbox.QuestionKind), 1, 50)));
        Assert.Equal(4, items.Page(Inbox(kind: FeedbackInbox.FeedbackKind), 1, 50).Total);
        Assert.Equal(7, items.Page(Inbox(), 1, int.MaxValue).Items.Count);

        Assert.Equal("STC sớm", feedback.Find("fb-a")!.Text);
        Assert.Null(feedback.Find("no-such"));
    }
}
