using Directive920Bot.Questions;

namespace Directive920Bot.Storage.Postgres.Questions;

/// <summary>The questions the course could not answer, in <c>unanswered_questions</c>.</summary>
internal sealed class PgUnansweredQuestions(PostgresStorage db) : IUnansweredQuestions
{
    // Newest first, then by text in ordinal order: sorted here, as on LiteDB, so that the server's collation does not
    // change the order a list shows.
    public IReadOnlyList<UnansweredQuestion> List(IReadOnlyCollection<string>? unitCodes) =>
        (unitCodes is null
            ? db.Query<string>("SELECT doc::text FROM unanswered_questions")
            : db.Query<string>("SELECT doc::text FROM unanswered_questions WHERE unit_code = ANY (@codes)", new { codes = unitCodes.ToArray() }))
        .Select(d => Json.Read<UnansweredQuestion>(d)!)
        .OrderByDescending(q => q.AskedOn).ThenBy(q => q.Text, StringComparer.Ordinal).ToList();

    public UnansweredQuestion? Find(string id) => Json.Read<UnansweredQuestion>(db.One<string>("SELECT doc::text FROM unanswered_questions WHERE id = @id", new { id }));

    public int Count() => db.One<int>("SELECT count(*)::int FROM unanswered_questions");

    public void Save(ITransaction tx, UnansweredQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        db.Execute(tx, """
            INSERT INTO unanswered_questions (id, unit_code, asked_on, doc) VALUES (@Id, @UnitCode, @AskedOn, @doc::jsonb)
            ON CONFLICT (id) DO UPDATE SET unit_code = excluded.unit_code, asked_on = excluded.asked_on, doc = excluded.doc
            """, new { question.Id, question.UnitCode, question.AskedOn, doc = Json.Write(question) });
    }
}
