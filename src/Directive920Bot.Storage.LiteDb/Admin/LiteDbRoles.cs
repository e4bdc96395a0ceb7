using Directive920Bot.Admin;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Admin;

/// <summary>The granted roles in LiteDB, read once per change into an in-memory snapshot (every update asks for its sender's).</summary>
internal sealed class LiteDbRoles(Database db) : IRoles
{
    public const string CollectionName = "roles";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        database.GetCollection<RoleAssignment>(CollectionName).EnsureIndex(r => r.UserId);
        mapper.ToDocument(new RoleAssignment());
    });

    // The version is bumped once a write committed: a copy loaded under an older version is never used, and one loaded
    // while the write was under way (without it) is replaced by the next reader.
    private long version;
    private Snapshot? cache;

    private ILiteCollection<RoleAssignment> Roles => db.Collection<RoleAssignment>(CollectionName);

    public IReadOnlyList<RoleAssignment> For(long userId) => Current().ByUser[userId].ToList();

    public IReadOnlyList<RoleAssignment> All() => Roles.FindAll().ToList();

    public void Add(ITransaction tx, RoleAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(tx);
        Roles.Insert(assignment);
        Changed(tx);
    }

    public int Remove(ITransaction tx, long userId, AdminRole role, string? unitCode)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var removed = Roles.DeleteMany(r => r.UserId == userId && r.Role == role && r.UnitCode == unitCode);
        Changed(tx);
        return removed;
    }

    public int RemoveAll(ITransaction tx, long userId)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var removed = Roles.DeleteMany(r => r.UserId == userId);
        Changed(tx);
        return removed;
    }

    private void Changed(ITransaction tx) => tx.AfterCommit(() => Interlocked.Increment(ref version));

    private Snapshot Current()
    {
        var current = Interlocked.Read(ref version);
        var snapshot = Volatile.Read(ref cache);
        if (snapshot is null || snapshot.Version != current)
        {
            snapshot = new Snapshot(current, Roles.FindAll().ToLookup(r => r.UserId));
            Volatile.Write(ref cache, snapshot);
        }

        return snapshot;
    }

    private sealed record Snapshot(long Version, ILookup<long, RoleAssignment> ByUser);
}
