using Directive920Bot.Registration;

namespace Directive920Bot.Admin;

public static class AdminExtensions
{
    /// <summary>
    /// Roles and their unit scope, the append-only audit log and the member rosters: what every privileged command, endpoint
    /// and CLI verb checks or writes. Registration needs it (rosters link cadres, access decides commands), so
    /// <c>AddRegistration</c> adds it; a second call adds nothing.
    /// </summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(AuditLog)))
        {
            return builder;
        }

        services.AddSingleton<SuperAdmins>();
        services.AddSingleton<IAccessPolicy, AccessPolicy>();
        services.AddSingleton<RoleService>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<RosterImporter>();
        services.AddSingleton<RosterService>();
        services.AddSingleton<IPersonalDataHolder, RosterPersonalData>();
        services.AddSingleton<IPersonalDataHolder, AuditPersonalData>();
        return builder;
    }
}
