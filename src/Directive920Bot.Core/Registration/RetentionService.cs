using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Engagement;
using Directive920Bot.Storage;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Registration;

/// <summary>
/// Deletes what has been kept longer than its configured period (<see cref="RetentionOptions"/>), and says beforehand
/// what the next run would delete. People past their period are erased as /delete erases them (one transaction each,
/// then one compaction for the run); records are deleted by age. Each run also deletes the media links that expired
/// (<see cref="Media.IMediaLinks"/>: their lifetime is <c>Media:LinkLifetime</c>, not a retention period).
/// </summary>
public sealed class RetentionService(
    IOptions<RetentionOptions> options,
    ISubscribers subscribers,
    IFeedback feedback,
    IAuditEntries audit,
    ICallbackKeyRecords keys,
    Delivery.DeliveryLedger ledger,
    IAcknowledgements acknowledgements,
    IQuizAnswers answers,
    IRoster roster,
    Media.IMediaLinks media,
    PersonalDataService personalData,
    IStorage storage,
    IStorageMaintenance maintenance,
    ILogger<RetentionService> log)
{
    /// <summary>Per kind, its period, the cutoff and how many the run would delete at <paramref name="now"/>.</summary>
    public IReadOnlyList<RetentionLine> Preview(DateTimeOffset now) =>
        [.. Enum.GetValues<RetentionKind>().Select(kind =>
        {
            var period = options.Value.Period(kind);
            var cutoff = now.UtcDateTime - period;
            return new RetentionLine(kind, period, cutoff, Count(kind, cutoff));
        })];

    /// <summary>Deletes everything past its period at <paramref name="now"/>; returns what was deleted per kind.</summary>
    public async Task<IReadOnlyList<RetentionLine>> PurgeAsync(DateTimeOffset now)
    {
        var done = new List<RetentionLine>();
        foreach (var kind in Enum.GetValues<RetentionKind>())
        {
            var period = options.Value.Period(kind);
            var cutoff = now.UtcDateTime - period;
            var deleted = Purge(kind, cutoff);
            done.Add(new RetentionLine(kind, period, cutoff, deleted));
            if (deleted > 0)
            {
                log.LogInformation("Retention: deleted {Count} {Kind} older than {Cutoff:u}", deleted, kind, cutoff);
            }
        }

        // Images of charts and invite codes, not personal data: no compaction is owed to them.
        var images = media.CountExpired(now.UtcDateTime) > 0 ? await storage.WriteAsync(tx => media.DeleteExpired(tx, now.UtcDateTime)) : 0;
        if (images > 0)
        {
            log.LogInformation("Retention: deleted {Count} expired media links", images);
        }

        if (done.Any(d => d.Count > 0))
        {
            await maintenance.CompactAsync();
        }

        return done;
    }

    private int Count(RetentionKind kind, DateTime cutoff) => kind switch
    {
        RetentionKind.Feedback => feedback.CountBefore(cutoff),
        RetentionKind.Audit => audit.CountBefore(cutoff),
        RetentionKind.CallbackKeys => keys.CountCreatedBefore(cutoff),
        RetentionKind.Ledger => ledger.CountFinishedBefore(cutoff),
        RetentionKind.Acknowledgements => acknowledgements.CountBefore(cutoff),
        RetentionKind.Answers => answers.CountBefore(cutoff),
        RetentionKind.RetiredRosterEntries => roster.CountRetiredBefore(cutoff),
        _ => People(kind, cutoff).Count,
    };

    private int Purge(RetentionKind kind, DateTime cutoff)
    {
        switch (kind)
        {
            case RetentionKind.Feedback:
                return storage.Write(tx => feedback.DeleteBefore(tx, cutoff));
            case RetentionKind.Audit:
                return storage.Write(tx => audit.DeleteBefore(tx, cutoff));
            case RetentionKind.CallbackKeys:
                return storage.Write(tx => keys.DeleteCreatedBefore(tx, cutoff));

            // The report counters were bumped in each record's own transaction (aggregate first, by construction), so
            // deleting the rows changes no count of /report, the API's unit report or content stats.
            case RetentionKind.Ledger:
                return storage.Write(tx => ledger.DeleteFinishedBefore(tx, cutoff));
            case RetentionKind.Acknowledgements:
                return storage.Write(tx => acknowledgements.DeleteBefore(tx, cutoff));
            case RetentionKind.Answers:
                return storage.Write(tx => answers.DeleteBefore(tx, cutoff));
            case RetentionKind.RetiredRosterEntries:
                return storage.Write(tx => roster.DeleteRetiredBefore(tx, cutoff));
            default:
                var people = People(kind, cutoff);
                foreach (var id in people)
                {
                    personalData.Erase(id);
                }

                return people.Count;
        }
    }

    private IReadOnlyList<long> People(RetentionKind kind, DateTime cutoff) => kind switch
    {
        RetentionKind.AbandonedRegistrations => subscribers.IdleSince(SubscriberStatus.Registering, cutoff),
        RetentionKind.StoppedSubscribers => subscribers.IdleSince(SubscriberStatus.Stopped, cutoff),
        RetentionKind.BlockedSubscribers => subscribers.IdleSince(SubscriberStatus.Blocked, cutoff),
        _ => [],
    };
}
