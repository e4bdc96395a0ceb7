using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Reports;

/// <summary>
/// Keeps the counters: told of each final delivery outcome (<see cref="IDeliveryOutcomeRecorder"/>) and of each
/// acknowledgement and quiz answer (from engagement), it updates a handful of small rows so that reports never scan the
/// ledger. Each count is written in the transaction of the event it counts (the outcome's, the acknowledgement's), so a
/// crash keeps both or neither, and no start-up reconciliation is needed: an outcome lost with its count leaves its
/// row <c>sending</c>, and the row is sent again and counted then; the <c>d:</c> event record keeps a row that is sent
/// again after its count was committed (a resend) from counting twice.
/// </summary>
public sealed class ReportCounters(Database db) : IDeliveryOutcomeRecorder, IEngagementObserver, ICommitParticipant
{
    public const string ItemsCollection = "report_items";
    public const string QuestionsCollection = "report_questions";
    public const string UnitsCollection = "report_units";
    public const string EventsCollection = "report_events";

    // Item counters changed by the transaction under way, written once at its end: every delivery or acknowledgement
    // of a batch bumps the same few rows, which are read and written once instead of once per event.
    // Only the database writer touches it.
    private readonly Dictionary<string, ItemCounter> pending = new(StringComparer.Ordinal);

    // The committed item counters, kept in memory for reports: a bloc report reads every unit × item counter, and
    // reading 3,780 of them (each with its delay histogram) from the file cost ~130 ms and 60 MB of allocations.
    // Loaded on the first read (holding the gate, so that a commit published meanwhile waits and lands on top);
    // after each commit that wrote counters, the written objects replace theirs. A published counter is never
    // changed again (the next transaction reads its own copy from the file), so readers may share it.
    private readonly Lock committedGate = new();
    private Dictionary<string, ItemCounter>? committed;

    public static readonly StoreSchema Schema = new(ItemsCollection, (database, mapper) =>
    {
        database.GetCollection<ItemCounter>(ItemsCollection).EnsureIndex(c => c.UnitCode);
        database.GetCollection<ItemCounter>(ItemsCollection).EnsureIndex(c => c.ItemId);
        database.GetCollection<QuestionCounter>(QuestionsCollection).EnsureIndex(c => c.UnitCode);
        mapper.ToDocument(new ItemCounter());
        mapper.ToDocument(new QuestionCounter());
        mapper.ToDocument(new UnitCounter());
        mapper.ToDocument(new CountedEvent());
    });

    private ILiteCollection<ItemCounter> Items => db.Collection<ItemCounter>(ItemsCollection);

    private ILiteCollection<QuestionCounter> Questions => db.Collection<QuestionCounter>(QuestionsCollection);

    private ILiteCollection<UnitCounter> UnitCounters => db.Collection<UnitCounter>(UnitsCollection);

    private ILiteCollection<CountedEvent> Events => db.Collection<CountedEvent>(EventsCollection);

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
    void IDeliveryOutcomeRecorder.Record(ITransaction tx, DeliveryRow row) => RecordDelivered(row);

    /// <summary>Counts a sent lesson or announcement once, whatever the number of calls.</summary>
    public bool RecordDelivered(DeliveryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.State != DeliveryState.Sent || ReportItemId(row) is not { } item || row.UnitCode is null)
        {
            return false;
        }

        var reack = row.Payload == ReackService.Payload;
        return Once("d:" + row.Id, () => Bump(row.UnitCode, item, row.Kind, c =>
        {
            if (reack)
            {
                c.ReackRequested++;
            }
            else
            {
                c.Delivered++;
            }
        }));
    }

    public void OnAcknowledged(ITransaction tx, Acknowledgement acknowledgement) => RecordAcknowledged(acknowledgement);

    public void OnAnswered(ITransaction tx, QuizAnswer answer) => RecordAnswer(answer);

    /// <summary>
    /// Counts an acknowledgement, on time or late as engagement decided against its deadline. No event record makes it
    /// idempotent: engagement calls it exactly once per acknowledgement, in the transaction whose insert-if-absent
    /// created the record (see <see cref="IEngagementObserver.OnAcknowledged"/>), so a redelivered press never gets here.
    /// </summary>
    public bool RecordAcknowledged(Acknowledgement ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        var item = ack.ItemId ?? (ack.CampaignId is { } c ? "campaign:" + c : null);
        if (item is null || ack.UnitCode is null)
        {
            return false;
        }

        var bucket = DelayBuckets.Index(ack.AcknowledgedAt - ack.DeliveredAt);
        var kind = ack.ItemId is null ? DeliveryKind.Announcement : DeliveryKind.Lesson;
        return db.InTransaction(() =>
        {
            Bump(ack.UnitCode, item, kind, c =>
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
            return true;
        });
    }

    /// <summary>Counts the first answer to a lesson's own quiz question (reviews are practice, not participation).</summary>
    public bool RecordAnswer(QuizAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.UnitCode is not { } unitCode || answer.IsReview)
        {
            return false;
        }

        var question = QuestionKey(answer.ItemId, answer.QuestionId);
        var id = FormattableString.Invariant($"q:{answer.SubscriberId}:{question}");
        return Once(id, () =>
        {
            var counter = Questions.FindById(unitCode + "|" + question) ?? new QuestionCounter { Id = unitCode + "|" + question, UnitCode = unitCode, QuestionId = question, ItemId = answer.ItemId };
            counter.Answered++;
            if (answer.Correct)
            {
                counter.Correct++;
            }

            Questions.Upsert(counter);
            var participant = FormattableString.Invariant($"p:{answer.SubscriberId}");
            if (Events.FindById(participant) is null)
            {
                Events.Insert(new CountedEvent { Id = participant });
                var unit = UnitCounters.FindById(unitCode) ?? new UnitCounter { Id = unitCode };
                unit.QuizParticipants++;
                UnitCounters.Upsert(unit);
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

    // Called holding committedGate.
    private Dictionary<string, ItemCounter> Committed() =>
        committed ??= Items.FindAll().ToDictionary(c => c.Id, StringComparer.Ordinal);

    private void Publish(List<ItemCounter> written)
    {
        lock (committedGate)
        {
            // Not loaded yet: the first read will find these in the file.
            if (committed is null)
            {
                return;
            }

            foreach (var counter in written)
            {
                committed[counter.Id] = counter;
            }
        }
    }

    public IReadOnlyList<QuestionCounter> QuestionsIn(IReadOnlyCollection<string> unitCodes) =>
        Questions.FindAll().Where(c => unitCodes.Contains(c.UnitCode)).ToList();

    public IReadOnlyDictionary<string, int> QuizParticipants() => UnitCounters.FindAll().ToDictionary(u => u.Id, u => u.QuizParticipants, StringComparer.Ordinal);

    private void Bump(string unitCode, string itemId, DeliveryKind kind, Action<ItemCounter> change)
    {
        var id = unitCode + "|" + itemId;
        if (!pending.TryGetValue(id, out var counter))
        {
            counter = Items.FindById(id) ?? new ItemCounter { Id = id, UnitCode = unitCode, ItemId = itemId, Kind = kind };
            pending[id] = counter;
            db.EnlistBeforeCommit(this);
        }

        change(counter);
    }

    void ICommitParticipant.BeforeCommit()
    {
        if (pending.Count > 0)
        {
            var written = pending.Values.ToList();
            Items.Upsert(written);
            pending.Clear();
            // Runs after the commit, never after a rollback: memory never shows what the file does not hold.
            db.OnCommitted(() => Publish(written));
        }
    }

    void ICommitParticipant.Discard() => pending.Clear();

    private bool Once(string eventId, Action update)
    {
        // One writer runs one transaction at a time: the check, the insert and the counter update cannot interleave.
        return db.InTransaction(() =>
        {
            // Upsert reports whether it inserted: one key lookup inside the engine instead of a query and an insert.
            if (!Events.Upsert(new CountedEvent { Id = eventId }))
            {
                return false;
            }

            update();
            return true;
        });
    }
}
