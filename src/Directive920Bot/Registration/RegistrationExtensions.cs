using Directive920Bot.Channels;
using Directive920Bot.Telegram;

namespace Directive920Bot.Registration;

public static class RegistrationExtensions
{
    public static IHostApplicationBuilder AddRegistration(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(SubscriberStore.Schema);
        services.AddSingleton(UnitStore.Schema);
        services.AddSingleton(RoleStore.Schema);
        services.AddSingleton<SubscriberStore>();
        services.AddSingleton<UnitStore>();
        services.AddSingleton<RoleStore>();
        services.AddSingleton<UnitImporter>();
        services.AddSingleton<IAccessPolicy, AccessPolicy>();
        services.AddSingleton<PersonalDataService>();
        services.AddSingleton<IPersonalDataHolder, RegistrationPersonalData>();
        services.AddSingleton<RegistrationHandler>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<RegistrationHandler>());
        services.AddSingleton<IConversationHandler>(sp => sp.GetRequiredService<RegistrationHandler>());
        services.AddSingleton<ICallbackHandler>(sp => sp.GetRequiredService<RegistrationHandler>());
        services.AddSingleton<IMembershipHandler>(sp => sp.GetRequiredService<RegistrationHandler>());
        return builder;
    }
}
