using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Admin;

public sealed class RoleStore(Database db)
{
    public const string CollectionName = "roles";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        database.GetCollection<RoleAssignment>(CollectionName).EnsureIndex(r => r.UserId);
        mapper.ToDocument(new RoleAssignment());
    });

    // Every update asks for its sender's roles; grants are few and rarely change, so they are read once per change.
    // The version is bumped after each write: a copy loaded under an older version is never used.
    private long version;
    private Snapshot? cache;

    private ILiteCollection<RoleAssignment> Roles => db.Collection<RoleAssignment>(CollectionName);

    public IReadOnlyList<RoleAssignment> For(long userId) => Current().ByUser[userId].ToList();

    public IReadOnlyList<RoleAssignment> All() => Roles.FindAll().ToList();

    public void Add(RoleAssignment assignment)
    {
        Roles.Insert(assignment);
        Changed();
    }

    public int Remove(long userId, AdminRole role, string? unitCode)
    {
        var removed = Roles.DeleteMany(r => r.UserId == userId && r.Role == role && r.UnitCode == unitCode);
        Changed();
        return removed;
    }

    public int RemoveAll(long userId)
    {
        var removed = Roles.DeleteMany(r => r.UserId == userId);
        Changed();
        return removed;
    }

    private void Changed() => Interlocked.Increment(ref version);

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
