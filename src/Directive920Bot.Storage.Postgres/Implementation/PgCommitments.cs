using Directive920Bot.Implementation;

namespace Directive920Bot.Storage.Postgres.Implementation;

/// <summary>Cadres' commitments in <c>impl_commitments</c>, one row per person and year.</summary>
internal sealed class PgCommitments(PostgresStorage db) : ICommitments
{
    public Commitment? Find(int year, long personId) =>
        Json.Read<Commitment>(db.One<string>("SELECT doc::text FROM impl_commitments WHERE id = @id", new { id = Commitment.IdFor(year, personId) }));

    public IReadOnlyList<Commitment> ForYear(int year) => Many("WHERE year = @year", new { year });

    public IReadOnlyList<Commitment> ForPerson(long personId) => Many("WHERE person_id = @personId", new { personId });

    public void Save(ITransaction tx, Commitment commitment)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        db.Execute(tx, """
            INSERT INTO impl_commitments (id, year, person_id, doc) VALUES (@Id, @Year, @PersonId, @doc::jsonb)
            ON CONFLICT (id) DO UPDATE SET year = excluded.year, person_id = excluded.person_id, doc = excluded.doc
            """, new { commitment.Id, commitment.Year, commitment.PersonId, doc = Json.Write(commitment) });
    }

    public int DeletePerson(ITransaction tx, long personId) => db.Execute(tx, "DELETE FROM impl_commitments WHERE person_id = @personId", new { personId });

    private List<Commitment> Many(string where, object param) =>
        [.. db.Query<string>($"SELECT doc::text FROM impl_commitments {where} ORDER BY id", param).Select(d => Json.Read<Commitment>(d)!)];
}
