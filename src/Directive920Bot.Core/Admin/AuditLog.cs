using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Admin;

/// <summary>The append-only audit log of grants, revocations, campaign changes, exports and nudges.</summary>
public sealed class AuditLog(Database db, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time)
{
    public const string CollectionName = "audit";

    /// <summary>The actor id the CLI writes: the operator at the server's console.</summary>
    public const long Console = 0;

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var entries = database.GetCollection<AuditEntry>(CollectionName);
        entries.EnsureIndex(e => e.At);
        entries.EnsureIndex(e => e.Action);
        mapper.ToDocument(new AuditEntry());
    });

    private ILiteCollection<AuditEntry> Entries => db.Collection<AuditEntry>(CollectionName);

    public AuditEntry Write(long actor, string action, string target, string details = "")
    {
        var entry = new AuditEntry { At = time.GetUtcNow().UtcDateTime, Actor = actor, Action = action, Target = target, Details = details };
        Entries.Insert(entry);
        return entry;
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<AuditEntry> Recent(int limit = 200, string? action = null) =>
        (action is null ? Entries.Query() : Entries.Query().Where(e => e.Action == action))
            .OrderByDescending(e => e.Id).Limit(limit).ToList();

    public int Count() => Entries.Count();
}
