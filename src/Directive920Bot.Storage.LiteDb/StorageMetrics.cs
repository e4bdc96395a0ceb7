using Directive920Bot.Hosting;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>The database writer's load (queue, commits, time spent committing) and the callback keys held, read at each scrape.</summary>
internal sealed class StorageMetrics : IMetricSource
{
    public StorageMetrics(BotMetrics metrics, Database db)
    {
        var meter = metrics.Meter;
        meter.CreateObservableGauge("writer_queue_length", () => db.IsOpen ? db.QueueLength : 0,
            description: "Transactions waiting for the database writer.");
        meter.CreateObservableCounter("writer_commits", () => db.WriterStatistics.Commits,
            description: "Commits of the database writer (each holds one or more transactions).");
        meter.CreateObservableCounter("writer_commit_seconds", () => db.WriterStatistics.Committing.TotalSeconds, unit: "s",
            description: "Time the writer spent committing (writing changed pages to the log).");
        meter.CreateObservableGauge("callback_keys", () => db.IsOpen ? db.Lite.GetCollection(Channels.LiteDbCallbackKeyRecords.CollectionName).LongCount() : 0,
            description: "Button keys held in the store (expired ones until the nightly clean-up).");
    }
}
