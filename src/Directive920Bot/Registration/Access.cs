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

    private ILiteCollection<RoleAssignment> Roles => db.Collection<RoleAssignment>(CollectionName);

    public IReadOnlyList<RoleAssignment> For(long userId) => Roles.Find(r => r.UserId == userId).ToList();

    public IReadOnlyList<RoleAssignment> All() => Roles.FindAll().ToList();

    public void Add(RoleAssignment assignment) => Roles.Insert(assignment);

    public int Remove(long userId, AdminRole role, string? unitCode) =>
        Roles.DeleteMany(r => r.UserId == userId && r.Role == role && r.UnitCode == unitCode);

    public int RemoveAll(long userId) => Roles.DeleteMany(r => r.UserId == userId);
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
