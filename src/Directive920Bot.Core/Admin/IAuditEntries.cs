using Directive920Bot.Storage;

namespace Directive920Bot.Admin;

/// <summary>The stored entries of the append-only <see cref="AuditLog"/>: appended, never updated, never deleted.</summary>
public interface IAuditEntries
{
    /// <summary>Appends the entry, which gets its id.</summary>
    void Append(ITransaction tx, AuditEntry entry);

    /// <summary>Newest first, at most <paramref name="limit"/>, only <paramref name="action"/> when given.</summary>
    IReadOnlyList<AuditEntry> Recent(int limit, string? action);

    int Count();
}
