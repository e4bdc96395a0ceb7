using Directive920Bot.Engagement;

namespace Directive920Bot.Storage.Postgres.Engagement;

/// <summary>The review backlog per unit, counted by the server over the open items' partial index.</summary>
internal sealed class PgOpenReviews(PostgresStorage db) : IOpenReviews
{
    public IReadOnlyDictionary<string, int> MembersDueByUnit() =>
        db.Query<(string Unit, int Members)>("SELECT unit_code, count(DISTINCT subscriber_id)::int FROM review_items WHERE NOT resolved AND unit_code IS NOT NULL GROUP BY unit_code")
            .ToDictionary(r => r.Unit, r => r.Members, StringComparer.Ordinal);
}
