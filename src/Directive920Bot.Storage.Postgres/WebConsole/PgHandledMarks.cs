using Directive920Bot.WebConsole;

namespace Directive920Bot.Storage.Postgres.WebConsole;

/// <summary>The handled marks in <c>console_handled</c>: the primary key decides, <c>ON CONFLICT DO NOTHING</c> says whether this one was first.</summary>
internal sealed class PgHandledMarks(PostgresStorage db) : IHandledMarks
{
    public bool TryAdd(ITransaction tx, HandledMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        return db.Execute(tx, "INSERT INTO console_handled (id, at) VALUES (@Id, @At) ON CONFLICT (id) DO NOTHING", new { mark.Id, At = Utc.Of(mark.At) }) == 1;
    }

    public IReadOnlyDictionary<string, DateTime> Find(IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return new Dictionary<string, DateTime>();
        }

        return db.Query<HandledMark>("SELECT id AS Id, at AS At FROM console_handled WHERE id = ANY(@ids)", new { ids = ids.ToArray() })
            .ToDictionary(m => m.Id, m => DateTime.SpecifyKind(m.At, DateTimeKind.Utc), StringComparer.Ordinal);
    }
}
