using Directive920Bot.Channels;
using Directive920Bot.Delivery;
using Quartz;

namespace Directive920Bot.Reports;

public static class ReportsExtensions
{
    /// <summary>Report counters, charts, exports, digests, nudges and the admin commands.</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ReportOptions>, ReportOptionsValidator>();
        services.AddSingleton<ReportCounters>();
        services.AddSingleton<Registration.IPersonalDataHolder, ReportEventsPersonalData>();
        services.AddSingleton<IDeliveryOutcomeRecorder>(sp => sp.GetRequiredService<ReportCounters>());
        services.AddSingleton<Engagement.IEngagementObserver>(sp => sp.GetRequiredService<ReportCounters>());
        services.AddSingleton<IPendingAcknowledgements, LedgerPendingAcknowledgements>();
        services.AddSingleton<INudgeSink, LedgerNudgeSink>();
        services.AddSingleton<IMemberStatusSource, LedgerMemberStatus>();
        services.AddSingleton<ReportFeedback>();
        services.AddSingleton<Web.IApiEndpoints, ReportsApiEndpoints>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<PeriodReportService>();
        services.AddSingleton<ReportChart>();
        services.AddSingleton<ReportExports>();
        services.AddSingleton<ReportInsights>();
        services.AddSingleton<NudgeService>();
        services.AddSingleton<DigestService>();
        services.AddQuartz(q => q.ScheduleJob<DigestJob>(
            t => t.WithIdentity(DigestJob.Name).StartNow()
                // Missed ticks are skipped (the next one comes within 15 minutes and sends whatever digests are due by
                // the business clock); replaying them would only repeat the same look.
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(15)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            j => j.WithIdentity(DigestJob.Name)));
        services.AddSingleton<ReportsHandler>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<ReportsHandler>());
        services.AddSingleton<ICallbackHandler>(sp => sp.GetRequiredService<ReportsHandler>());
        services.AddSingleton<IDocumentHandler>(sp => sp.GetRequiredService<ReportsHandler>());
        return builder;
    }
}
