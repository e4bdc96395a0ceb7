using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Implementation;
using Directive920Bot.Questions;
using Directive920Bot.Reports;
using Directive920Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>
/// The stores the PostgreSQL provider completed last: report counters, the ledger by period, reminders and
/// escalations, unanswered questions, implementation reports and commitments, and the upkeep after erasures.
/// </summary>
public abstract partial class StorageContract
{
    [SkippableFact]
    public async Task An_event_is_counted_once_and_forgetting_it_lets_it_be_counted_again()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var counters = store.GetRequiredService<IReportCounterStore>();

        var first = await storage.WriteAsync(tx => (counters.MarkCounted(tx, "ack:c:c1:1:7"), counters.MarkCounted(tx, "ack:c:c1:1:8")));
        var again = await storage.WriteAsync(tx => counters.MarkCounted(tx, "ack:c:c1:1:7"));
        var forgotten = await storage.WriteAsync(tx => counters.Forget(tx, ["ack:c:c1:1:7", "ack:never-counted"]));
        var afterForget = await storage.WriteAsync(tx => counters.MarkCounted(tx, "ack:c:c1:1:7"));

        Assert.Equal((true, true), first);
        Assert.False(again);
        Assert.Equal(1, forgotten);
        Assert.True(afterForget);
    }

    [SkippableFact]
    public async Task A_counted_event_that_rolls_back_is_not_counted()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var counters = store.GetRequiredService<IReportCounterStore>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => storage.WriteAsync(tx =>
        {
            counters.MarkCounted(tx, "ack:c:c1:1:7");
            counters.SaveUnit(tx, new UnitCounter { Id = "SNV", QuizParticipants = 1 });
            throw new InvalidOperationException("the acknowledgement failed");
        }));

        Assert.True(await storage.WriteAsync(tx => counters.MarkCounted(tx, "ack:c:c1:1:7")));
        Assert.Null(counters.FindUnit("SNV"));
    }

    [SkippableFact]
    public async Task Report_counters_are_replaced_whole_and_found_by_id_item_and_unit()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var counters = store.GetRequiredService<IReportCounterStore>();
        ItemCounter Item(string unit, string item, int delivered) =>
            new() { Id = $"{unit}|{item}", UnitCode = unit, ItemId = item, Kind = DeliveryKind.Lesson, Delivered = delivered, OnTime = 1, Delays = [1, .. new int[DelayBuckets.Count - 1]] };

        await storage.WriteAsync(tx =>
        {
            counters.SaveItems(tx, [Item("SNV", "lesson-1", 3), Item("STC", "lesson-1", 5), Item("SNV", "lesson-2", 2)]);
            counters.SaveQuestion(tx, new QuestionCounter { Id = "SNV|q1", UnitCode = "SNV", QuestionId = "q1", ItemId = "lesson-1", Answered = 2, Correct = 1, Tallied = 2, Chosen = [1, 1, 0] });
            counters.SaveUnit(tx, new UnitCounter { Id = "SNV", QuizParticipants = 2 });
        });
        await storage.WriteAsync(tx =>
        {
            counters.SaveItems(tx, [Item("SNV", "lesson-1", 4)]);
            counters.SaveUnit(tx, new UnitCounter { Id = "SNV", QuizParticipants = 3 });
        });

        Assert.Equal(4, counters.FindItem("SNV|lesson-1")!.Delivered);
        Assert.Equal((DelayBuckets.Count, 1, 1), (counters.FindItem("SNV|lesson-1")!.Delays.Length, counters.FindItem("SNV|lesson-1")!.Delays[0], counters.FindItem("SNV|lesson-1")!.Delays.Sum()));
        Assert.Equal(["SNV|lesson-1", "STC|lesson-1"], counters.ItemsFor("lesson-1").Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal(3, counters.AllItems().Count);
        Assert.Equal([1, 1, 0], counters.FindQuestion("SNV|q1")!.Chosen);
        Assert.Equal(["SNV|q1"], counters.AllQuestions().Select(q => q.Id));
        Assert.Equal(3, counters.FindUnit("SNV")!.QuizParticipants);
        Assert.Equal(["SNV"], counters.AllUnits().Select(u => u.Id));
        Assert.Null(counters.FindItem("SNV|lesson-9"));
    }

    [SkippableFact]
    public async Task The_ledger_by_period_holds_the_rows_sent_from_the_start_up_to_but_not_at_the_end()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var ledger = store.GetRequiredService<IDeliveryLedgerStore>();
        var history = store.GetRequiredService<IDeliveryHistory>();
        DeliveryRow Sent(string occurrence, long person, int hours, DeliveryState state = DeliveryState.Sent)
        {
            var row = Row(occurrence, person, state);
            row.SentAt = Monday.AddHours(hours);
            row.ItemId = "lesson-1";
            row.Payload = "p";
            return row;
        }

        await storage.WriteAsync(tx => ledger.Insert(tx, [Sent("o1", 1, 0), Sent("o1", 2, 1, DeliveryState.Failed), Sent("o1", 3, 2), Row("o1", 4)]));

        var rows = history.SentBetween(Monday, Monday.AddHours(2)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

        Assert.Equal(["o1:1", "o1:2"], rows.Select(r => r.Id));
        Assert.Equal(new SentDelivery("o1:2", DeliveryKind.Announcement, DeliveryState.Failed, "lesson-1", "c1", "SNV", 2, "p"), rows[1]);
    }

    private static AckWatch Watch(string delivery, long person, int nextHours, string? pending = null) => new()
    {
        Id = delivery,
        SubscriberId = person,
        ItemId = "lesson-1",
        Subject = "lesson-1",
        UnitCode = "SNV",
        SentAt = Monday,
        NextAt = Monday.AddHours(nextHours),
        MaxReminders = 2,
        PendingReminderId = pending,
    };

    private static Escalation Escalated(string delivery, long person, string unit) =>
        new() { Id = delivery, SubscriberId = person, UnitCode = unit, Subject = "lesson-1", ItemId = "lesson-1", DeliveredAt = Monday, Since = Monday.AddDays(3) };

    [SkippableFact]
    public async Task A_watch_and_an_escalation_are_added_once_and_found_by_due_time_reminder_unit_and_person()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var escalations = store.GetRequiredService<IEscalations>();

        var added = await storage.WriteAsync(tx => (
            escalations.AddWatch(tx, Watch("c:c1:1:7", 7, 1)),
            escalations.AddWatch(tx, Watch("c:c1:1:8", 8, 5, pending: "r:c:c1:1:8:1")),
            escalations.AddWatch(tx, Watch("c:c1:1:7", 7, 9)),
            escalations.AddEscalation(tx, Escalated("c:c1:1:7", 7, "SNV")),
            escalations.AddEscalation(tx, Escalated("c:c1:1:9", 9, "STC")),
            escalations.AddEscalation(tx, Escalated("c:c1:1:7", 7, "STC"))));

        Assert.Equal((true, true, false, true, true, false), added);
        Assert.Equal(["c:c1:1:7"], escalations.DueWatches(Monday.AddHours(2)).Select(w => w.Id));
        Assert.Equal(["c:c1:1:8"], escalations.WithPendingReminder().Select(w => w.Id));
        Assert.Equal(Monday.AddHours(1), escalations.FindWatch("c:c1:1:7")!.NextAt.ToUniversalTime());
        Assert.Equal(["c:c1:1:7"], escalations.OpenForUnits(["SNV"]).Select(e => e.Id));
        Assert.Equal(["c:c1:1:7", "c:c1:1:9"], escalations.Open().Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["c:c1:1:9"], escalations.ForSubscriber(9).Select(e => e.Id));

        var watch = escalations.FindWatch("c:c1:1:7")!;
        watch.Done = true;
        watch.DoneReason = "acknowledged";
        await storage.WriteAsync(tx =>
        {
            escalations.SaveWatch(tx, watch);
            escalations.Resolve(tx, "c:c1:1:7", Monday.AddDays(4));
            escalations.Resolve(tx, "c:c1:1:404", Monday.AddDays(4));
        });

        Assert.DoesNotContain(escalations.DueWatches(Monday.AddDays(9)), w => w.Id == "c:c1:1:7");
        Assert.Equal("acknowledged", escalations.FindWatch("c:c1:1:7")!.DoneReason);
        Assert.Equal(Monday.AddDays(4), escalations.Find("c:c1:1:7")!.ResolvedAt!.Value.ToUniversalTime());
        Assert.Empty(escalations.OpenForUnits(["SNV"]));
        Assert.Null(escalations.Find("c:c1:1:404"));
    }

    [SkippableFact]
    public async Task A_delivery_with_a_waiting_reminder_or_an_open_escalation_needs_attention_when_acknowledged()
    {
        var location = NewLocation();
        var store = Store(location);
        var storage = store.GetRequiredService<IStorage>();
        var escalations = store.GetRequiredService<IEscalations>();
        await storage.WriteAsync(tx =>
        {
            escalations.AddWatch(tx, Watch("c:c1:1:7", 7, 1, pending: "r:c:c1:1:7:1"));
            escalations.AddWatch(tx, Watch("c:c1:1:8", 8, 1));
            escalations.AddEscalation(tx, Escalated("c:c1:1:9", 9, "SNV"));
        });

        // A store opened afresh (a restarted service) learns the set from what is stored.
        var reopened = Store(Crash(location)).GetRequiredService<IEscalations>();

        Assert.True(reopened.NeedsAttentionOnAcknowledgement("c:c1:1:7"));
        Assert.False(reopened.NeedsAttentionOnAcknowledgement("c:c1:1:8"));
        Assert.True(reopened.NeedsAttentionOnAcknowledgement("c:c1:1:9"));
        reopened.NeedAttention("c:c1:1:8");
        Assert.True(reopened.NeedsAttentionOnAcknowledgement("c:c1:1:8"));
    }

    [SkippableFact]
    public async Task The_reminder_watermark_is_kept_as_an_instant_and_an_erasure_moves_escalations_to_the_pseudonym()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var escalations = store.GetRequiredService<IEscalations>();
        Assert.Null(escalations.ReminderWatermark());
        await storage.WriteAsync(tx =>
        {
            escalations.SetReminderWatermark(tx, Monday.AddMinutes(90));
            escalations.AddWatch(tx, Watch("c:c1:1:7", 7, 1));
            escalations.AddEscalation(tx, Escalated("c:c1:1:7", 7, "SNV"));
            escalations.AddEscalation(tx, Escalated("c:c1:1:8", 8, "SNV"));
        });

        var erasure = Erasure(7);
        await storage.WriteAsync(tx => escalations.EraseSubscriber(tx, 7, erasure));

        Assert.Equal(Monday.AddMinutes(90), escalations.ReminderWatermark());
        Assert.Equal(DateTimeKind.Utc, escalations.ReminderWatermark()!.Value.Kind);
        Assert.Null(escalations.FindWatch("c:c1:1:7"));
        Assert.Empty(escalations.ForSubscriber(7));
        var relinked = erasure.Relink("c:c1:1:7");
        Assert.Equal([relinked], escalations.ForSubscriber(erasure.ForDelivery("c:c1:1:7")).Select(e => e.Id));
        Assert.Equal([relinked, "c:c1:1:8"], escalations.OpenForUnits(["SNV"]).Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Unanswered_questions_list_newest_first_then_by_text_and_filter_by_unit()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var questions = store.GetRequiredService<IUnansweredQuestions>();
        UnansweredQuestion Asked(string id, string text, string? unit, int day) => new() { Id = id, Text = text, UnitCode = unit, AskedOn = Monday.AddDays(day), Confidence = 0.2 };

        await storage.WriteAsync(tx =>
        {
            questions.Save(tx, Asked("a", "Ai ký thông báo?", "SNV", 0));
            questions.Save(tx, Asked("b", "Bao giờ báo cáo?", "STC", 1));
            questions.Save(tx, Asked("c", "Ai chủ trì?", "SNV", 1));
            questions.Save(tx, Asked("d", "Đ?", null, 2));
        });
        var forwarded = questions.Find("a")!;
        forwarded.Forwarded = true;
        await storage.WriteAsync(tx => questions.Save(tx, forwarded));

        Assert.Equal(["d", "c", "b", "a"], questions.List(null).Select(q => q.Id));
        Assert.Equal(["c", "a"], questions.List(["SNV"]).Select(q => q.Id));
        Assert.Equal(4, questions.Count());
        Assert.True(questions.Find("a")!.Forwarded);
        Assert.Null(questions.Find("z"));
    }

    private static ImplementationReport Report(string period, string unit, string requirement, ImplementationStatus status) => new()
    {
        Id = ImplementationReport.IdFor(period, unit, requirement),
        PeriodId = period,
        UnitCode = unit,
        RequirementId = requirement,
        Status = status,
        Actions = "Đã quán triệt tại hội nghị chi bộ",
        UpdatedAt = Monday,
        UpdatedBy = "41",
    };

    [SkippableFact]
    public async Task Implementation_reports_are_found_by_unit_and_period_and_their_statuses_follow_each_save()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var reports = store.GetRequiredService<IImplementationReports>();
        var statuses = Enum.GetValues<ImplementationStatus>();
        await storage.WriteAsync(tx =>
        {
            reports.Save(tx, Report("2026-Q4", "SNV", "L1", statuses[0]));
            reports.Save(tx, Report("2026-Q4", "SNV", "L2", statuses[0]));
            reports.Save(tx, Report("2026-Q4", "STC", "L1", statuses[0]));
            reports.Save(tx, Report("2027-Q1", "SNV", "L1", statuses[0]));
        });
        await storage.WriteAsync(tx => reports.Save(tx, Report("2026-Q4", "SNV", "L2", statuses[^1])));

        Assert.Equal(["2026-Q4|SNV|L1", "2026-Q4|SNV|L2"], reports.ForUnit("2026-Q4", "SNV").Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(3, reports.ForPeriod("2026-Q4").Count);
        Assert.Equal("Đã quán triệt tại hội nghị chi bộ", reports.Find("2026-Q4|SNV|L1")!.Actions);
        var matrix = reports.Statuses("2026-Q4").OrderBy(s => s.UnitCode, StringComparer.Ordinal).ToList();
        Assert.Equal(["SNV", "STC"], matrix.Select(s => s.UnitCode));
        Assert.Equal(statuses[^1], matrix[0].ByRequirement["L2"]);
        Assert.Equal(statuses[0], matrix[0].ByRequirement["L1"]);
        Assert.Empty(reports.Statuses("2025-Q1"));
    }

    [SkippableFact]
    public async Task A_period_lock_and_a_draft_are_kept_until_deleted()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var reports = store.GetRequiredService<IImplementationReports>();
        await storage.WriteAsync(tx =>
        {
            reports.SaveLock(tx, new PeriodLock { Id = "2026-Q4", LockedAt = Monday, LockedBy = "1" });
            reports.SaveDraft(tx, new ImplementationDraft { Id = 41, UnitCode = "SNV", PeriodId = "2026-Q4", RequirementId = "L1", Field = "Actions" });
        });

        Assert.Equal("1", reports.Lock("2026-Q4")!.LockedBy);
        Assert.Equal("Actions", reports.Draft(41)!.Field);
        Assert.True(await storage.WriteAsync(tx => reports.DeleteLock(tx, "2026-Q4")));
        Assert.False(await storage.WriteAsync(tx => reports.DeleteLock(tx, "2026-Q4")));
        await storage.WriteAsync(tx => reports.DeleteDraft(tx, 41));
        Assert.Null(reports.Lock("2026-Q4"));
        Assert.Null(reports.Draft(41));
    }

    [SkippableFact]
    public async Task Commitments_are_one_per_person_and_year_and_an_erasure_deletes_all_of_a_persons()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var commitments = store.GetRequiredService<ICommitments>();
        Commitment Of(int year, long person, string text) => new()
        {
            Id = Commitment.IdFor(year, person),
            Year = year,
            PersonId = person,
            UnitCode = "SNV",
            Items = [new CommitmentItem { RequirementId = "L1", Text = text }],
            UpdatedAt = Monday,
        };
        await storage.WriteAsync(tx =>
        {
            commitments.Save(tx, Of(2026, 7, "Đọc kỹ thông báo"));
            commitments.Save(tx, Of(2027, 7, "Hướng dẫn đồng nghiệp"));
            commitments.Save(tx, Of(2026, 8, "Tham gia đầy đủ"));
        });
        await storage.WriteAsync(tx => commitments.Save(tx, Of(2026, 7, "Đọc kỹ và thực hiện")));

        Assert.Equal("Đọc kỹ và thực hiện", commitments.Find(2026, 7)!.Items.Single().Text);
        Assert.Equal([7L, 8L], commitments.ForYear(2026).Select(c => c.PersonId).Order());
        Assert.Equal([2026, 2027], commitments.ForPerson(7).Select(c => c.Year).Order());
        Assert.Equal(2, await storage.WriteAsync(tx => commitments.DeletePerson(tx, 7)));
        Assert.Empty(commitments.ForPerson(7));
        Assert.Null(commitments.Find(2027, 7));
        Assert.Single(commitments.ForYear(2026));
    }

    [SkippableFact]
    public async Task Upkeep_after_an_erasure_completes_and_leaves_the_live_records_readable()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var commitments = store.GetRequiredService<ICommitments>();
        var maintenance = store.GetRequiredService<IStorageMaintenance>();
        await storage.WriteAsync(tx =>
        {
            foreach (var person in Enumerable.Range(1, 50))
            {
                commitments.Save(tx, new Commitment { Id = Commitment.IdFor(2026, person), Year = 2026, PersonId = person, UpdatedAt = Monday });
            }
        });
        await storage.WriteAsync(tx => commitments.DeletePerson(tx, 7));

        // What it frees differs by engine (a small LiteDB file may even grow when rewritten); that it completes does not.
        await Task.WhenAll(maintenance.CompactAsync(), maintenance.CompactAsync());

        Assert.Equal(49, commitments.ForYear(2026).Count);
        Assert.Null(commitments.Find(2026, 7));
        Assert.True(store.GetRequiredService<IStoreBackup>().Counts().Values.Sum() >= 49);
    }
}
