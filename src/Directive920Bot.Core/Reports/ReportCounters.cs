using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Storage;

namespace Directive920Bot.Reports;

/// <summary>
/// Keeps the counters: told of each final delivery outcome (<see cref="IDeliveryOutcomeRecorder"/>) and of each
/// acknowledgement and quiz answer (from engagement), it updates a handful of small rows so that reports never scan the
/// ledger. Each count is written in the transaction of the event it counts (the outcome's, the acknowledgement's), so a
/// crash keeps both or neither, and no start-up reconciliation is needed: an outcome lost with its count leaves its
/// row <c>sending</c>, and the row is sent again and counted then; the <c>d:</c> event record keeps a row that is sent
/// again after its count was committed (a resend) from counting twice.
/// </summary>
public sealed class ReportCounters : IDeliveryOutcomeRecorder, IEngagementObserver, IDisposable
{
    /// <summary>The change-feed topic of counter writes.</summary>
    public const string Topic = "report-counters";

    private readonly IReportCounterStore store;
    private readonly Hosting.BotClock clock;
    private readonly IChangeFeed feed;
    private readonly IDisposable subscription;

    // The committed item counters, kept in memory for reports: a bloc report reads every unit × item counter, and
    // reading 3,780 of them (each with its delay histogram) from the file cost ~130 ms and 60 MB of allocations.
    // Loaded on the first read (holding the gate, so that a commit published meanwhile waits and lands on top);
    // after each commit that wrote counters, the written objects replace theirs. A published counter is never
    // changed again (the next transaction reads its own copy from the store), so readers may share it.
    private readonly Lock committedGate = new();
    // With several instances (PostgreSQL) another instance's commit is announced through the change feed and drops the
    // kept counters; the next report reads them all again.
    private Dictionary<string, ItemCounter>? committed;

    public ReportCounters(IReportCounterStore store, Hosting.BotClock clock, IChangeFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        this.store = store;
        this.clock = clock;
        this.feed = feed;
        subscription = feed.Subscribe(Topic, Forget);
    }

    public void Dispose() => subscription.Dispose();

    /// <summary>What an item row is reported under: its content item, or the campaign for free-text announcements.</summary>
    public static string? ReportItemId(DeliveryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Kind is DeliveryKind.Lesson or DeliveryKind.Announcement
            ? row.ItemId ?? (row.CampaignId is { } c ? "campaign:" + c : null)
            : null;
    }

    // Runs in the outcome's own transaction: counted in a second one, a crash between the two kept the outcome and lost
    // its count for good, with nothing to notice it later.
    void IDeliveryOutcomeRecorder.Record(ITransaction tx, DeliveryRow row) => RecordDelivered(tx, row);

    /// <summary>Counts a sent lesson or announcement once, whatever the number of calls.</summary>
    public bool RecordDelivered(ITransaction tx, DeliveryRow row)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(row);
        if (row.State != DeliveryState.Sent || ReportItemId(row) is not { } item || row.UnitCode is null)
        {
            return false;
        }

        var reack = row.Payload == ReackService.Payload;
        return Once(tx, "d:" + row.Id, () =>
        {
            Bump(tx, row.UnitCode, item, row.Kind, c =>
            {
                if (reack)
                {
                    c.ReackRequested++;
                }
                else
                {
                    c.Delivered++;
                }
            });
            if (!reack)
            {
                // The same instant the acknowledgement will carry as its DeliveredAt, so both land on one day.
                BumpDay(tx, row.UnitCode, row.SentAt ?? row.CreatedAt, c => c.Delivered++);
            }
        });
    }

    public void OnAcknowledged(ITransaction tx, Acknowledgement acknowledgement) => RecordAcknowledged(tx, acknowledgement);

    public void OnAnswered(ITransaction tx, QuizAnswer answer) => RecordAnswer(tx, answer);

    /// <summary>
    /// Counts an acknowledgement, on time or late as engagement decided against its deadline. No event record makes it
    /// idempotent: engagement calls it exactly once per acknowledgement, in the transaction whose insert-if-absent
    /// created the record (see <see cref="IEngagementObserver.OnAcknowledged"/>), so a redelivered press never gets here.
    /// </summary>
    public bool RecordAcknowledged(ITransaction tx, Acknowledgement ack)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(ack);
        var item = ack.ItemId ?? (ack.CampaignId is { } c ? "campaign:" + c : null);
        if (item is null || ack.UnitCode is null)
        {
            return false;
        }

        var bucket = DelayBuckets.Index(ack.AcknowledgedAt - ack.DeliveredAt);
        var kind = ack.ItemId is null ? DeliveryKind.Announcement : DeliveryKind.Lesson;
        Bump(tx, ack.UnitCode, item, kind, c =>
        {
            if (ack.Reacknowledgement)
            {
                c.Reacknowledged++;
                return;
            }

            if (ack.OnTime)
            {
                c.OnTime++;
            }
            else
            {
                c.Late++;
            }

            c.Delays[bucket]++;
        });
        if (!ack.Reacknowledgement)
        {
            // Counted on the day of the delivery it acknowledges (see UnitDayCounter), however late it comes.
            BumpDay(tx, ack.UnitCode, ack.DeliveredAt, c =>
            {
                if (ack.OnTime)
                {
                    c.OnTime++;
                }
                else
                {
                    c.Late++;
                }
            });
        }

        return true;
    }

    /// <summary>Counts the first answer to a lesson's own quiz question (reviews are practice, not participation).</summary>
    public bool RecordAnswer(ITransaction tx, QuizAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.UnitCode is not { } unitCode || answer.IsReview)
        {
            return false;
        }

        var question = QuestionKey(answer.ItemId, answer.QuestionId);
        var id = FormattableString.Invariant($"q:{answer.SubscriberId}:{question}");
        return Once(tx, id, () =>
        {
            var counter = store.FindQuestion(unitCode + "|" + question)
                ?? new QuestionCounter { Id = unitCode + "|" + question, UnitCode = unitCode, QuestionId = question, ItemId = answer.ItemId };
            counter.Answered++;
            if (answer.Correct)
            {
                counter.Correct++;
            }

            // The per-option tally of item analysis, in the same transaction as the answer (Selected holds authored
            // indexes, whatever order the cadre saw).
            counter.Tallied++;
            foreach (var option in answer.Selected.Distinct())
            {
                while (counter.Chosen.Count <= option)
                {
                    counter.Chosen.Add(0);
                }

                counter.Chosen[option]++;
            }

            store.SaveQuestion(tx, counter);
            if (store.MarkCounted(tx, FormattableString.Invariant($"p:{answer.SubscriberId}")))
            {
                var unit = store.FindUnit(unitCode) ?? new UnitCounter { Id = unitCode };
                unit.QuizParticipants++;
                store.SaveUnit(tx, unit);
            }
        });
    }

    /// <summary>The per-question key engagement also uses: <c>{itemId}:{questionId}</c>.</summary>
    public static string QuestionKey(string itemId, string questionId) => itemId + ":" + questionId;

    /// <summary>The committed item counters of the units; shared objects that the caller must not change.</summary>
    public IReadOnlyList<ItemCounter> ItemsIn(IReadOnlyCollection<string> unitCodes)
    {
        ArgumentNullException.ThrowIfNull(unitCodes);
        var wanted = unitCodes as IReadOnlySet<string> ?? unitCodes.ToHashSet(StringComparer.Ordinal);
        lock (committedGate)
        {
            return Committed().Values.Where(c => wanted.Contains(c.UnitCode)).ToList();
        }
    }

    /// <summary>Every committed item counter; shared objects that the caller must not change.</summary>
    public IReadOnlyList<ItemCounter> AllItems()
    {
        lock (committedGate)
        {
            return [.. Committed().Values];
        }
    }

    /// <summary>The committed counters of one item in every unit.</summary>
    public IReadOnlyList<ItemCounter> ItemsFor(string itemId) => store.ItemsFor(itemId);

    // Called holding committedGate.
    private Dictionary<string, ItemCounter> Committed() =>
        committed ??= store.AllItems().ToDictionary(c => c.Id, StringComparer.Ordinal);

    private void Forget()
    {
        // Under the gate: a load in progress (possibly from before the other commit) finishes first and is dropped.
        lock (committedGate)
        {
            committed = null;
        }
    }

    private void Publish(List<ItemCounter> written)
    {
        lock (committedGate)
        {
            // Not loaded yet: the first read will find these in the store.
            if (committed is null)
            {
                return;
            }

            foreach (var counter in written)
            {
                // Two transactions that wrote one counter may tell it here in either order (on PostgreSQL they commit
                // concurrently): the older copy must not replace the newer. That showed as a report one delivery short.
                if (!committed.TryGetValue(counter.Id, out var kept) || kept.Version < counter.Version)
                {
                    committed[counter.Id] = counter;
                }
            }
        }
    }

    /// <summary>The day counters of these units for the local days <paramref name="from"/> to <paramref name="to"/>.</summary>
    public IReadOnlyList<UnitDayCounter> DaysIn(IReadOnlyCollection<string> unitCodes, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(unitCodes);
        var wanted = unitCodes as IReadOnlySet<string> ?? unitCodes.ToHashSet(StringComparer.Ordinal);
        return store.DaysBetween(UnitDayCounter.DayKey(from), UnitDayCounter.DayKey(to)).Where(c => wanted.Contains(c.UnitCode)).ToList();
    }

    public IReadOnlyList<QuestionCounter> QuestionsIn(IReadOnlyCollection<string> unitCodes) =>
        store.AllQuestions().Where(c => unitCodes.Contains(c.UnitCode)).ToList();

    public IReadOnlyDictionary<string, int> QuizParticipants() => store.AllUnits().ToDictionary(u => u.Id, u => u.QuizParticipants, StringComparer.Ordinal);

    private void Bump(ITransaction tx, string unitCode, string itemId, DeliveryKind kind, Action<ItemCounter> change)
    {
        // Item counters changed by this transaction, written once at its end: every delivery or acknowledgement of a
        // batch bumps the same few rows, which are read and written once instead of once per event. They belong to the
        // transaction, so a rollback drops them with it (its items are retried, each in a new transaction).
        var pending = tx.Local<PendingItems>(this).Counters;
        var id = unitCode + "|" + itemId;
        if (!pending.TryGetValue(id, out var counter))
        {
            counter = store.FindItem(id) ?? new ItemCounter { Id = id, UnitCode = unitCode, ItemId = itemId, Kind = kind };
            pending[id] = counter;
            tx.BeforeCommit(this, WritePending);
        }

        change(counter);
    }

    private void BumpDay(ITransaction tx, string unitCode, DateTime deliveredUtc, Action<UnitDayCounter> change)
    {
        var pending = tx.Local<PendingItems>(this).Days;
        var day = UnitDayCounter.DayKey(clock.Zone, deliveredUtc);
        var id = UnitDayCounter.IdFor(unitCode, day);
        if (!pending.TryGetValue(id, out var counter))
        {
            counter = store.FindDay(id) ?? new UnitDayCounter { Id = id, UnitCode = unitCode, Day = day };
            pending[id] = counter;
            tx.BeforeCommit(this, WritePending);
        }

        change(counter);
    }

    private void WritePending(ITransaction tx)
    {
        var days = tx.Local<PendingItems>(this).Days;
        if (days.Count > 0)
        {
            store.SaveDays(tx, [.. days.Values]);
            days.Clear();
        }

        var pending = tx.Local<PendingItems>(this).Counters;
        if (pending.Count == 0)
        {
            return;
        }

        var written = pending.Values.ToList();
        foreach (var counter in written)
        {
            counter.Version++;
        }

        store.SaveItems(tx, written);
        feed.Announce(tx, Topic);
        pending.Clear();
        // Runs after the commit, never after a rollback: memory never shows what the store does not hold.
        tx.AfterCommit(() => Publish(written));
    }

    private bool Once(ITransaction tx, string eventId, Action update)
    {
        // One transaction at a time writes: the check, the insert and the counter update cannot interleave.
        if (!store.MarkCounted(tx, eventId))
        {
            return false;
        }

        update();
        return true;
    }

    private sealed class PendingItems
    {
        public Dictionary<string, ItemCounter> Counters { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, UnitDayCounter> Days { get; } = new(StringComparer.Ordinal);
    }
}
