using Dapper;
using Directive920Bot.Hosting;

namespace Directive920Bot.Storage.Postgres;

/// <summary>The provider's load (transactions committed, serialization conflicts retried) and the callback keys held, read at each scrape.</summary>
internal sealed class PostgresStorageMetrics : IMetricSource
{
    public PostgresStorageMetrics(BotMetrics metrics, PostgresStorage db)
    {
        var meter = metrics.Meter;
        meter.CreateObservableCounter("storage_commits", () => db.Statistics.Commits,
            description: "Transactions committed on PostgreSQL by this instance.");
        meter.CreateObservableCounter("storage_conflict_retries", () => db.Statistics.Retries,
            description: "Transactions run again after a serialization conflict or deadlock (PostgreSQL).");
        meter.CreateObservableGauge("callback_keys", () =>
        {
            using var connection = db.Source.OpenConnection();
            return connection.ExecuteScalar<long>("SELECT count(*) FROM callback_keys");
        }, description: "Button keys held in the store (expired ones until the nightly clean-up).");
    }
}
