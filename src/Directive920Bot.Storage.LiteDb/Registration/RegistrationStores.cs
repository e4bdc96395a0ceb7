using Directive920Bot.Registration;

namespace Directive920Bot.Storage.LiteDb.Registration;

internal static class RegistrationStores
{
    /// <summary>The subscribers and the organisation tree.</summary>
    internal static IServiceCollection AddRegistrationStores(this IServiceCollection services)
    {
        services.AddSingleton(LiteDbSubscribers.Schema);
        services.AddSingleton(LiteDbUnits.Schema);
        services.AddSingleton(LiteDbUnits.Mapping);
        services.AddSingleton<ISubscribers, LiteDbSubscribers>();
        services.AddSingleton<IUnits, LiteDbUnits>();
        return services;
    }
}
