using Directive920Bot.Admin;

namespace Directive920Bot.Storage.LiteDb.Admin;

internal static class AdminStores
{
    /// <summary>The granted roles, the member rosters and the audit log's entries.</summary>
    internal static IServiceCollection AddAdminStores(this IServiceCollection services)
    {
        services.AddSingleton(LiteDbRoles.Schema);
        services.AddSingleton(LiteDbRoster.Schema);
        services.AddSingleton(LiteDbAuditEntries.Schema);
        services.AddSingleton<IRoles, LiteDbRoles>();
        services.AddSingleton<IRoster, LiteDbRoster>();
        services.AddSingleton<IAuditEntries, LiteDbAuditEntries>();
        return services;
    }
}
