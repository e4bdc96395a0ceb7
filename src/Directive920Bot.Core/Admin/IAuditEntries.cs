using Directive920Bot.Storage;

namespace Directive920Bot.Admin;

/// <summary>The stored entries of the append-only <see cref="AuditLog"/>: appended, never updated, never deleted — except
/// that an erasure removes a person's id from the entries about them, and retention drops the oldest.</summary>
public interface IAuditEntries
{
    /// <summary>Appends the entry, which gets its id.</summary>
    void Append(ITransaction tx, AuditEntry entry);

    /// <summary>Newest first, at most <paramref name="limit"/>, only <paramref name="action"/> when given.</summary>
    IReadOnlyList<AuditEntry> Recent(int limit, string? action);

    int Count();

    /// <summary>
    /// Page <paramref name="page"/> (1-based, clamped to the last page) of the entries <paramref name="query"/> selects,
    /// newest first, and how many it selects in all: the filter and the page are the store's query.
    /// </summary>
    AuditPage Page(AuditQuery query, int page, int pageSize);

    /// <summary>The entries the person did or that name them (target or details), oldest first.</summary>
    IReadOnlyList<AuditEntry> About(long personId);

    /// <summary>Replaces the person's id in the entries about them (see <see cref="AuditEntry.Redact"/>); returns how many.</summary>
    int Redact(ITransaction tx, long personId);

    int CountBefore(DateTime cutoff);

    int DeleteBefore(ITransaction tx, DateTime cutoff);
}
