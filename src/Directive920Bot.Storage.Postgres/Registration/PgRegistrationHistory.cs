using Directive920Bot.Registration;

namespace Directive920Bot.Storage.Postgres.Registration;

/// <summary>Registrations at an instant: one grouped query over the subscribers and the tombstones, in the server.</summary>
internal sealed class PgRegistrationHistory(PostgresStorage db) : IRegistrationHistory
{
    public IReadOnlyDictionary<string, int> RegisteredByUnit(DateTime beforeUtc, IReadOnlyCollection<string>? unitCodes) =>
        db.Query<(string Unit, int Count)>("""
            SELECT unit_code, count(*)::int FROM (
                SELECT unit_code FROM subscribers WHERE registered_at < @beforeUtc AND (@all OR unit_code = ANY (@codes))
                UNION ALL
                SELECT unit_code FROM erased_subscribers WHERE registered_at < @beforeUtc AND erased_at >= @beforeUtc AND (@all OR unit_code = ANY (@codes))
            ) registered
            WHERE unit_code IS NOT NULL GROUP BY unit_code
            """, new { beforeUtc, all = unitCodes is null, codes = unitCodes?.ToArray() ?? [] })
            .ToDictionary(r => r.Unit, r => r.Count, StringComparer.Ordinal);
}
