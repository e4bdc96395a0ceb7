using Directive920Bot.Admin;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Admin;

/// <summary>Admin's sections for <c>migrate-store</c>: roles, rosters and the audit log, with their ids.</summary>
internal static class AdminCopy
{
    public static IEnumerable<StoreSection> Sections(ILiteDatabase lite)
    {
        yield return CopyCollections.Of<RoleAssignment>(lite, "roles", LiteDbRoles.CollectionName);
        yield return CopyCollections.Of<RosterEntry>(lite, "roster", RosterCollections.Roster);
        yield return CopyCollections.Of<AuditEntry>(lite, "audit", LiteDbAuditEntries.CollectionName);
    }
}
