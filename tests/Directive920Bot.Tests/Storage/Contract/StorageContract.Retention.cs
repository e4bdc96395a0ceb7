using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>
/// The retention methods: what each counts before a cutoff is exactly what it then deletes, a record at the cutoff is
/// kept (the cutoff is exclusive, except for a key's expiry, which is inclusive), and nothing newer is touched.
/// </summary>
public abstract partial class StorageContract
{
    [SkippableFact]
    public async Task Expired_button_keys_go_at_their_expiry_and_old_ones_go_by_issue_time_whether_expired_or_not()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var keys = store.GetRequiredService<ICallbackKeyRecords>();
        CallbackKey Issued(string id, int createdHours, int? expiresHours) => new()
        {
            Id = id,
            Identity = "7|eng.ack|" + id,
            OwnerId = 7,
            Action = "eng.ack",
            Payload = id,
            CreatedAt = Monday.AddHours(createdHours),
            ExpiresAt = expiresHours is { } e ? Monday.AddHours(e) : null,
        };
        await storage.WriteAsync(tx =>
        {
            keys.Insert(tx, Issued("expired", 0, 1));
            keys.Insert(tx, Issued("expires-now", 0, 2));
            keys.Insert(tx, Issued("later", 0, 3));
            keys.Insert(tx, Issued("never", 0, null));
            keys.Insert(tx, Issued("new", 5, null));
        });

        Assert.Equal(2, await storage.WriteAsync(tx => keys.DeleteExpired(tx, Monday.AddHours(2))));
        Assert.Null(keys.Find("expired"));
        Assert.Null(keys.Find("expires-now"));
        Assert.NotNull(keys.Find("never"));

        Assert.Equal(2, keys.CountCreatedBefore(Monday.AddHours(5)));
        Assert.Equal(2, await storage.WriteAsync(tx => keys.DeleteCreatedBefore(tx, Monday.AddHours(5))));
        Assert.Null(keys.Find("later"));
        Assert.Null(keys.Find("never"));
        Assert.NotNull(keys.Find("new"));
        Assert.Equal(0, keys.CountCreatedBefore(Monday.AddHours(5)));
    }

    [SkippableFact]
    public async Task Only_retired_roster_entries_linked_to_nobody_and_unchanged_since_the_cutoff_are_deleted()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var roster = store.GetRequiredService<IRoster>();
        RosterEntry Entry(string name, string invite, bool current, long? person, int days)
        {
            var entry = Member("SNV", name, invite);
            entry.Current = current;
            entry.SubscriberId = person;
            entry.UpdatedAt = Monday.AddDays(days);
            return entry;
        }

        await storage.WriteAsync(tx => roster.SaveAll(tx,
        [
            Entry("Retired old", "r1", current: false, person: null, days: 0),
            Entry("Retired linked", "r2", current: false, person: 3_001, days: 0),
            Entry("Current old", "r3", current: true, person: null, days: 0),
            Entry("Retired at cutoff", "r4", current: false, person: null, days: 10),
        ]));

        Assert.Equal(1, roster.CountRetiredBefore(Monday.AddDays(10)));
        Assert.Equal(1, await storage.WriteAsync(tx => roster.DeleteRetiredBefore(tx, Monday.AddDays(10))));
        Assert.Equal(["Current old", "Retired at cutoff", "Retired linked"], roster.All().Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.Equal(1, roster.CurrentByUnit()["SNV"]);
    }

    [SkippableFact]
    public async Task Only_ledger_rows_in_a_final_state_last_updated_before_the_cutoff_are_deleted()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var ledger = store.GetRequiredService<IDeliveryLedgerStore>();
        DeliveryRow At(long person, DeliveryState state, int days)
        {
            var row = Row("o1", person, state);
            row.UpdatedAt = Monday.AddDays(days);
            return row;
        }

        await storage.WriteAsync(tx => ledger.Insert(tx,
        [
            At(1, DeliveryState.Sent, 0), At(2, DeliveryState.Failed, 0), At(3, DeliveryState.Blocked, 0), At(4, DeliveryState.Skipped, 0),
            At(5, DeliveryState.Pending, 0), At(6, DeliveryState.Sending, 0), At(7, DeliveryState.Sent, 30),
        ]));

        Assert.Equal(4, ledger.CountFinishedBefore(Monday.AddDays(30)));
        Assert.Equal(4, await storage.WriteAsync(tx => ledger.DeleteFinishedBefore(tx, Monday.AddDays(30))));
        Assert.Equal(0, ledger.CountFinishedBefore(Monday.AddDays(30)));
        Assert.Equal(["o1:5", "o1:6", "o1:7"], ledger.ForCampaign("c1").Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Acknowledgements_and_quiz_answers_made_before_the_cutoff_are_counted_then_deleted_and_later_ones_kept()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var acks = store.GetRequiredService<IAcknowledgements>();
        var answers = store.GetRequiredService<IQuizAnswers>();
        var late = Ack(8, "lesson-1", "lesson-1");
        late.AcknowledgedAt = Monday.AddDays(40);
        var lateAnswer = Answer(8, "q1", 1);
        lateAnswer.AnsweredAt = Monday.AddDays(40);
        await storage.WriteAsync(tx =>
        {
            acks.InsertNew(tx, Ack(7, "lesson-1", "lesson-1"));
            acks.InsertNew(tx, late);
            answers.Add(tx, Answer(7, "q1", 1));
            answers.Add(tx, lateAnswer);
        });
        var cutoff = Monday.AddDays(40);

        Assert.Equal((1, 1), (acks.CountBefore(cutoff), answers.CountBefore(cutoff)));
        Assert.Equal((1, 1), await storage.WriteAsync(tx => (acks.DeleteBefore(tx, cutoff), answers.DeleteBefore(tx, cutoff))));
        Assert.Equal((0, 0), (acks.CountBefore(cutoff), answers.CountBefore(cutoff)));
        Assert.Equal([8L], acks.ForItem("lesson-1").Select(a => a.SubscriberId));
        Assert.Equal([8L], answers.ForItem("lesson-1").Select(a => a.SubscriberId));
    }
}
