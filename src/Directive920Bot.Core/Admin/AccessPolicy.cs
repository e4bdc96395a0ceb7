namespace Directive920Bot.Admin;

/// <summary>Super-admins from configuration are bloc admins; everyone else holds what was granted.</summary>
public sealed class AccessPolicy(IRoles roles, SuperAdmins superAdmins) : IAccessPolicy
{
    public AccessGrant For(long userId)
    {
        if (superAdmins.Contains(userId))
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
