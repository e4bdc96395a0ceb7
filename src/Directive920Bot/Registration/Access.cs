using Directive920Bot.Hosting;
using Directive920Bot.Storage;
using LiteDB;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Registration;

public enum AdminRole
{
    Cadre = 0,
    /// <summary>A unit's leader or party-cell secretary: their units and sub-units.</summary>
    UnitAdmin = 1,
    /// <summary>Propaganda staff of the Bloc Party Committee: everything.</summary>
    BlocAdmin = 2,
}

/// <summary>What one user may do: their highest role and, for unit admins, the units they hold it for.</summary>
public sealed record AccessGrant(AdminRole Role, IReadOnlyList<string> Units)
{
    public static readonly AccessGrant Cadre = new(AdminRole.Cadre, []);

    public bool IsBlocAdmin => Role == AdminRole.BlocAdmin;

    public bool IsAdmin => Role >= AdminRole.UnitAdmin;
}

public interface IAccessPolicy
{
    AccessGrant For(long userId);
}

public sealed class RoleAssignment
{
    public int Id { get; set; }

    public long UserId { get; set; }

    public AdminRole Role { get; set; }

    /// <summary>For unit admins; null for bloc admins.</summary>
    public string? UnitCode { get; set; }

    public long GrantedBy { get; set; }

    public DateTime GrantedAt { get; set; }
}

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

/// <summary>Super-admins from configuration are bloc admins; everyone else holds what was granted.</summary>
public sealed class AccessPolicy(RoleStore roles, IOptions<BotOptions> options) : IAccessPolicy
{
    public AccessGrant For(long userId)
    {
        if (options.Value.SuperAdmins.Contains(userId))
        {
            return new AccessGrant(AdminRole.BlocAdmin, []);
        }

        var assignments = roles.For(userId);
        if (assignments.Any(a => a.Role == AdminRole.BlocAdmin))
        {
            return new AccessGrant(AdminRole.BlocAdmin, []);
        }

        var units = assignments.Where(a => a.Role == AdminRole.UnitAdmin && a.UnitCode is not null).Select(a => a.UnitCode!).Distinct().ToList();
        return units.Count > 0 ? new AccessGrant(AdminRole.UnitAdmin, units) : AccessGrant.Cadre;
    }
}

/// <summary>What a grant covers, checked on the server for every privileged action.</summary>
public static class AccessScope
{
    /// <summary>True when <paramref name="grant"/> may see or act on <paramref name="unitCode"/> (bloc admins: any unit).</summary>
    public static bool Covers(this AccessGrant grant, UnitStore units, string? unitCode)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(units);
        if (grant.IsBlocAdmin)
        {
            return true;
        }

        var unit = units.Find(unitCode);
        if (unit is null || !grant.IsAdmin)
        {
            return false;
        }

        // A unit admin holds their units and everything below them: a path prefix.
        return grant.Units.Select(units.Find).Any(u => u is not null && unit.Path.StartsWith(u.Path, StringComparison.Ordinal));
    }

    /// <summary>The unit codes a grant may see; every unit for bloc admins, none for cadres.</summary>
    public static IReadOnlyList<string> VisibleUnits(this AccessGrant grant, UnitStore units)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(units);
        return grant.IsBlocAdmin ? units.All().Select(u => u.Code).ToList()
            : grant.IsAdmin ? units.SubTreeCodes(grant.Units)
            : [];
    }
}

/// <summary>One privileged action: who did what to what, and when. Never updated, never deleted.</summary>
public sealed class AuditEntry
{
    public int Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The Telegram user id of the actor; 0 for the CLI (the operator at the console).</summary>
    public long Actor { get; set; }

    /// <summary>e.g. <c>role.grant</c>, <c>role.revoke</c>, <c>roster.import</c>, <c>export</c>, <c>nudge</c>, <c>campaign.create</c>.</summary>
    public string Action { get; set; } = "";

    public string Target { get; set; } = "";

    public string Details { get; set; } = "";
}

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

public enum GrantOutcome
{
    Granted,
    AlreadyHeld,
    Revoked,
    NotHeld,
    UnknownUnit,
    UnitRequired,
}

/// <summary>Grants and revokes roles for the bot, the CLI and the API alike, and audits each change.</summary>
public sealed class RoleService(RoleStore roles, UnitStore units, AuditLog audit, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time)
{
    public GrantOutcome Grant(long actor, long userId, AdminRole role, string? unitCode)
    {
        var check = Check(role, ref unitCode);
        if (check is not null)
        {
            return check.Value;
        }

        if (roles.For(userId).Any(r => r.Role == role && r.UnitCode == unitCode))
        {
            return GrantOutcome.AlreadyHeld;
        }

        roles.Add(new RoleAssignment { UserId = userId, Role = role, UnitCode = unitCode, GrantedBy = actor, GrantedAt = time.GetUtcNow().UtcDateTime });
        audit.Write(actor, "role.grant", userId.ToString(System.Globalization.CultureInfo.InvariantCulture), Describe(role, unitCode));
        return GrantOutcome.Granted;
    }

    public GrantOutcome Revoke(long actor, long userId, AdminRole role, string? unitCode)
    {
        var check = Check(role, ref unitCode);
        if (check is not null)
        {
            return check.Value;
        }

        if (roles.Remove(userId, role, unitCode) == 0)
        {
            return GrantOutcome.NotHeld;
        }

        audit.Write(actor, "role.revoke", userId.ToString(System.Globalization.CultureInfo.InvariantCulture), Describe(role, unitCode));
        return GrantOutcome.Revoked;
    }

    public static string Describe(AdminRole role, string? unitCode) => unitCode is null ? role.ToString() : $"{role} {unitCode}";

    /// <summary>"bloc" / "unit SNV" → role and unit; null when the words are not a role.</summary>
    public static (AdminRole Role, string? Unit)? ParseRole(string role, string? unit) => role.Trim().ToLowerInvariant() switch
    {
        "bloc" or "blocadmin" or "khoi" => (AdminRole.BlocAdmin, null),
        "unit" or "unitadmin" or "donvi" => (AdminRole.UnitAdmin, unit?.Trim().ToUpperInvariant()),
        _ => null,
    };

    private GrantOutcome? Check(AdminRole role, ref string? unitCode)
    {
        if (role == AdminRole.BlocAdmin)
        {
            unitCode = null;
            return null;
        }

        if (role != AdminRole.UnitAdmin || string.IsNullOrWhiteSpace(unitCode))
        {
            return GrantOutcome.UnitRequired;
        }

        var unit = units.Find(unitCode.Trim().ToUpperInvariant()) ?? units.Find(unitCode.Trim());
        if (unit is null)
        {
            return GrantOutcome.UnknownUnit;
        }

        unitCode = unit.Code;
        return null;
    }
}
