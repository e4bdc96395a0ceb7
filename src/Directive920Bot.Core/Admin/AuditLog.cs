using Directive920Bot.Storage;

namespace Directive920Bot.Admin;

/// <summary>The append-only audit log of grants, revocations, campaign changes, exports and nudges.</summary>
public sealed class AuditLog(IAuditEntries entries, IStorage storage, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time)
{
    /// <summary>The actor id the CLI writes: the operator at the server's console.</summary>
    public const long Console = 0;

    /// <summary>Writes the entry in a transaction of its own; work already in a transaction passes it instead.</summary>
    public AuditEntry Write(long actor, string action, string target, string details = "") =>
        storage.Write(tx => Write(tx, actor, action, target, details));

    /// <summary>Writes the entry in <paramref name="tx"/>: it is kept only if what it records is.</summary>
    public AuditEntry Write(ITransaction tx, long actor, string action, string target, string details = "")
    {
        ArgumentNullException.ThrowIfNull(tx);
        var entry = new AuditEntry { At = time.GetUtcNow().UtcDateTime, Actor = actor, Action = action, Target = target, Details = details };
        entries.Append(tx, entry);
        return entry;
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<AuditEntry> Recent(int limit = 200, string? action = null) => entries.Recent(limit, action);

    public int Count() => entries.Count();

    /// <summary>One page of the entries the filter selects, newest first, with their count (the console's audit page).</summary>
    public AuditPage Page(AuditQuery query, int page, int pageSize) => entries.Page(query, page, pageSize);
}
