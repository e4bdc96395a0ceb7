using Directive920Bot.Admin;
using Directive920Bot.Channels;

namespace Directive920Bot.Registration;

public static class RegistrationExtensions
{
    /// <summary>Units, subscribers, consent and the registration dialogue; with the roles and rosters it checks (Admin/).</summary>
    public static IHostApplicationBuilder AddRegistration(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAdmin();
        var services = builder.Services;
        services.AddSingleton<UnitImporter>();
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
