using Directive920Bot.Channels;
using Quartz;

namespace Directive920Bot.Implementation;

public static class ImplementationExtensions
{
    public static IHostApplicationBuilder AddImplementation(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ImplementationOptions>().BindConfiguration(ImplementationOptions.Section).ValidateOnStart()
            .Validate(o => o.MaxEvidenceBytes is > 0 and <= 50L * 1024 * 1024, "Implementation:MaxEvidenceBytes must be between 1 and 52428800.")
            .Validate(o => o.UnitDepth is >= 0 and <= 10, "Implementation:UnitDepth must be between 0 and 10.")
            .Validate(o => o.ReminderDaysBefore is >= 0 and <= 180, "Implementation:ReminderDaysBefore must be between 0 and 180.");
        // The store (IImplementationReports) comes from the storage provider.
        services.AddSingleton<EvidenceFiles>();
        services.AddSingleton<ImplementationService>();
        services.AddSingleton<ImplementationReminders>();
        services.AddSingleton<ImplementationThematicSection>();
        services.AddSingleton<Reports.IThematicSection>(sp => sp.GetRequiredService<ImplementationThematicSection>());
        services.AddOptions<CommitteeReportOptions>().BindConfiguration(CommitteeReportOptions.Section);
        services.AddHostedService<CommitteeReportStartCheck>();
        services.AddSingleton<CommitteeReport>();
        services.AddSingleton<Web.IApiEndpoints, CommitteeReportApi>();
        services.AddSingleton<Web.IApiEndpoints, ImplementationApi>();
        services.AddSingleton<ImplementationHandler>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<ImplementationHandler>());
        services.AddSingleton<ICallbackHandler>(sp => sp.GetRequiredService<ImplementationHandler>());
        services.AddSingleton<IConversationHandler>(sp => sp.GetRequiredService<ImplementationHandler>());
        services.AddSingleton<IDocumentHandler>(sp => sp.GetRequiredService<ImplementationHandler>());
        services.AddOptions<CommitmentOptions>().BindConfiguration(CommitmentOptions.Section).ValidateOnStart()
            .Validate(o => o.MaxText is >= 20 and <= 2000, "Commitments:MaxText must be between 20 and 2000.")
            .Validate(o => CommitmentOptions.TryDay(o.MidYear, 2000, out var mid) && CommitmentOptions.TryDay(o.YearEnd, 2000, out var end) && mid < end,
                "Commitments:MidYear and Commitments:YearEnd must be MM-dd days, mid-year before year-end.");
        services.AddSingleton<CommitmentService>();
        services.AddSingleton<CommitmentReminders>();
        services.AddSingleton<CommitmentHandler>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<CommitmentHandler>());
        services.AddSingleton<ICallbackHandler>(sp => sp.GetRequiredService<CommitmentHandler>());
        services.AddSingleton<IConversationHandler>(sp => sp.GetRequiredService<CommitmentHandler>());
        services.AddSingleton<Delivery.IDeliveryDecorator, CommitmentDecorator>();
        services.AddSingleton<Engagement.IProgressSection, CommitmentProgressSection>();
        services.AddSingleton<Registration.IPersonalDataHolder, CommitmentPersonalData>();
        services.AddSingleton<Web.IApiEndpoints, CommitmentApi>();
        services.AddQuartz(q => q.ScheduleJob<CommitmentReminderJob>(
            t => t.WithIdentity(CommitmentReminderJob.Name).StartNow()
                // Down at a fire time: one look as soon as we are back (reminders already due should not wait an hour
                // more); the missed looks are not replayed — the service sends each due reminder once.
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)),
            j => j.WithIdentity(CommitmentReminderJob.Key)));
        services.AddQuartz(q => q.ScheduleJob<ImplementationReminderJob>(
            t => t.WithIdentity(ImplementationReminderJob.Name).StartNow()
                // Down at a fire time: one look as soon as we are back (reminders already due should not wait an hour
                // more); the missed looks are not replayed — the service sends each due reminder once.
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)),
            j => j.WithIdentity(ImplementationReminderJob.Key)));
        return builder;
    }
}
