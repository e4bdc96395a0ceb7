using Directive920Bot.Admin;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Admin;

/// <summary>The audit log's entries in LiteDB, with an auto-incremented id (newest first is descending id).</summary>
internal sealed class LiteDbAuditEntries(Database db) : IAuditEntries
{
    public const string CollectionName = "audit";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var entries = database.GetCollection<AuditEntry>(CollectionName);
        entries.EnsureIndex(e => e.At);
        entries.EnsureIndex(e => e.Action);
        mapper.ToDocument(new AuditEntry());
    });

    private ILiteCollection<AuditEntry> Entries => db.Collection<AuditEntry>(CollectionName);

    public void Append(ITransaction tx, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(entry);
        Entries.Insert(entry);
    }

    public IReadOnlyList<AuditEntry> Recent(int limit, string? action) =>
        (action is null ? Entries.Query() : Entries.Query().Where(e => e.Action == action))
            .OrderByDescending(e => e.Id).Limit(limit).ToList();

    public int Count() => Entries.Count();

    public AuditPage Page(AuditQuery query, int page, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (from, to, actor, action) = (query.FromUtc, query.ToUtc, query.Actor, query.Action);
        // Through the At index; the actor and action narrow it further in the same query.
        var selected = Entries.Query().Where(e => e.At >= from && e.At < to);
        if (actor is { } person)
        {
            selected = selected.Where(e => e.Actor == person);
        }

        if (action is not null)
        {
            selected = selected.Where(e => e.Action == action);
        }

        var total = selected.Count();
        var (current, pages, skip) = Directive920Bot.WebConsole.InboxItemsPage.Clamp(total, page, pageSize);
        return new AuditPage(selected.OrderByDescending(e => e.Id).Skip(skip).Limit(pageSize).ToList(), total, current, pages);
    }

    public IReadOnlyList<AuditEntry> About(long personId) =>
        Entries.FindAll().Where(e => AuditEntry.Mentions(e, personId)).OrderBy(e => e.Id).ToList();

    public int Redact(ITransaction tx, long personId)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var about = About(personId);
        foreach (var entry in about)
        {
            AuditEntry.Redact(entry, personId);
            Entries.Update(entry);
        }

        return about.Count;
    }

    public int CountBefore(DateTime cutoff) => Entries.Count(e => e.At < cutoff);

    public int DeleteBefore(ITransaction tx, DateTime cutoff)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return Entries.DeleteMany(e => e.At < cutoff);
    }
}
