using Quartz;
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
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<PrivacyOptions>, PrivacyOptionsSetup>();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        services.AddSingleton<ConsentText>();
        services.AddSingleton<RetentionService>();
        services.AddSingleton<ICommandHandler, RetentionHandler>();
        var retentionEvery = RetentionOptions.TryParse(builder.Configuration[RetentionOptions.Section + ":RunEvery"] ?? "PT1H", out var every) ? every : TimeSpan.FromHours(1);
        services.AddQuartz(q =>
        {
            q.ScheduleJob<RetentionJob>(
                t => t.WithIdentity(RetentionJob.Name).StartNow()
                    // Retention is a promise about personal data: a missed run happens once as soon as we are back.
                    .WithSimpleSchedule(s => s.WithInterval(retentionEvery).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)),
                j => j.WithIdentity(RetentionJob.Name));
            q.ScheduleJob<CompactionJob>(
                t => t.WithIdentity(CompactionJob.Name).StartNow()
                    // Housekeeping: a missed compaction waits for the next hour.
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                j => j.WithIdentity(CompactionJob.Name));
        });
        services.AddSingleton<IPersonalDataHolder, RegistrationPersonalData>();
        services.AddSingleton<RegistrationHandler>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<RegistrationHandler>());
        services.AddSingleton<IConversationHandler>(sp => sp.GetRequiredService<RegistrationHandler>());
        services.AddSingleton<ICallbackHandler>(sp => sp.GetRequiredService<RegistrationHandler>());
        services.AddSingleton<IMembershipHandler>(sp => sp.GetRequiredService<RegistrationHandler>());
        services.AddSingleton<ICommandHandler, InviteQrHandler>();
        // Before Questions' free-text handler: a link code typed alone must not become a question about the notice.
        services.AddSingleton<LinkCodes>();
        services.AddSingleton<LinkHandler>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<LinkHandler>());
        services.AddSingleton<IFreeTextHandler>(sp => sp.GetRequiredService<LinkHandler>());
        services.AddSingleton<UnlinkHandler>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<UnlinkHandler>());
        services.AddSingleton<ICallbackHandler>(sp => sp.GetRequiredService<UnlinkHandler>());
        services.AddSingleton<ConsentRenewal>();
        services.AddSingleton<IInboundGate>(sp => sp.GetRequiredService<ConsentRenewal>());
        services.AddSingleton<ICallbackHandler>(sp => sp.GetRequiredService<ConsentRenewal>());
        return builder;
    }
}
