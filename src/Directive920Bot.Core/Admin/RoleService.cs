using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Admin;

/// <summary>Grants and revokes roles for the bot, the CLI and the API alike, and audits each change.</summary>
public sealed class RoleService(IRoles roles, IUnits units, AuditLog audit, IStorage storage, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time)
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

        var assignment = new RoleAssignment { UserId = userId, Role = role, UnitCode = unitCode, GrantedBy = actor, GrantedAt = time.GetUtcNow().UtcDateTime };
        storage.Write(tx =>
        {
            roles.Add(tx, assignment);
            audit.Write(tx, actor, "role.grant", userId.ToString(System.Globalization.CultureInfo.InvariantCulture), Describe(role, unitCode));
        });
        return GrantOutcome.Granted;
    }

    public GrantOutcome Revoke(long actor, long userId, AdminRole role, string? unitCode)
    {
        var check = Check(role, ref unitCode);
        if (check is not null)
        {
            return check.Value;
        }

        return storage.Write(tx =>
        {
            if (roles.Remove(tx, userId, role, unitCode) == 0)
            {
                return GrantOutcome.NotHeld;
            }

            audit.Write(tx, actor, "role.revoke", userId.ToString(System.Globalization.CultureInfo.InvariantCulture), Describe(role, unitCode));
            return GrantOutcome.Revoked;
        });
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
