using System.Globalization;
using Directive920Bot.Admin;

namespace Directive920Bot.Storage.Postgres.Admin;

/// <summary>The audit log in <c>audit</c>; the entries about a person are found by the server (a whole-number regex).</summary>
internal sealed class PgAuditEntries(PostgresStorage db) : IAuditEntries
{
    private const string Columns = "id AS Id, at AS At, actor AS Actor, action AS Action, target AS Target, details AS Details";

    public void Append(ITransaction tx, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Id = db.Query<int>(tx, "INSERT INTO audit (at, actor, action, target, details) VALUES (@At, @Actor, @Action, @Target, @Details) RETURNING id", entry)[0];
    }

    public IReadOnlyList<AuditEntry> Recent(int limit, string? action) =>
        db.Query<AuditEntry>($"SELECT {Columns} FROM audit WHERE @action IS NULL OR action = @action ORDER BY id DESC LIMIT @limit", new { action, limit });

    public int Count() => db.One<int>("SELECT count(*)::int FROM audit");

    public AuditPage Page(AuditQuery query, int page, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = "WHERE at >= @from AND at < @to" + (query.Actor is null ? "" : " AND actor = @actor") + (query.Action is null ? "" : " AND action = @action");
        var param = new { from = Utc.Of(query.FromUtc), to = Utc.Of(query.ToUtc), actor = query.Actor, action = query.Action, take = pageSize, skip = 0 };
        var total = db.One<int>($"SELECT count(*)::int FROM audit {where}", param);
        var (current, pages, skip) = Directive920Bot.WebConsole.InboxItemsPage.Clamp(total, page, pageSize);
        var entries = db.Query<AuditEntry>($"SELECT {Columns} FROM audit {where} ORDER BY id DESC LIMIT @take OFFSET @skip", param with { skip = skip });
        return new AuditPage(entries, total, current, pages);
    }

    // The same rule as AuditEntry.Mentions: the id as a whole number, not inside a longer one.
    public IReadOnlyList<AuditEntry> About(long personId) =>
        db.Query<AuditEntry>($"SELECT {Columns} FROM audit WHERE actor = @personId OR target ~ @pattern OR details ~ @pattern ORDER BY id", new { personId, pattern = Pattern(personId) });

    public int Redact(ITransaction tx, long personId)
    {
        var about = db.Query<AuditEntry>(tx, $"SELECT {Columns} FROM audit WHERE actor = @personId OR target ~ @pattern OR details ~ @pattern ORDER BY id FOR UPDATE", new { personId, pattern = Pattern(personId) });
        foreach (var entry in about)
        {
            AuditEntry.Redact(entry, personId);
        }

        if (about.Count > 0)
        {
            db.Execute(tx, """
                UPDATE audit SET actor = r.actor, target = r.target, details = r.details
                FROM unnest(@ids, @actors, @targets, @details) AS r (id, actor, target, details) WHERE audit.id = r.id
                """, new
            {
                ids = about.Select(e => e.Id).ToArray(),
                actors = about.Select(e => e.Actor).ToArray(),
                targets = about.Select(e => e.Target).ToArray(),
                details = about.Select(e => e.Details).ToArray(),
            });
        }

        return about.Count;
    }

    public int CountBefore(DateTime cutoff) => db.One<int>("SELECT count(*)::int FROM audit WHERE at < @cutoff", new { cutoff });

    public int DeleteBefore(ITransaction tx, DateTime cutoff) => db.Execute(tx, "DELETE FROM audit WHERE at < @cutoff", new { cutoff });

    private static string Pattern(long personId) => "(^|[^0-9])" + personId.ToString(CultureInfo.InvariantCulture) + "([^0-9]|$)";
}
