using Directive920Bot.Channels;
using Directive920Bot.Hosting;
using Directive920Bot.Storage.Postgres.Channels;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Directive920Bot.Storage.Postgres;

/// <summary>Registers the PostgreSQL store: the data source, the migrated schema, <see cref="IStorage"/> and the stores built so far.</summary>
public static class PostgresStorageExtensions
{
    public static IHostApplicationBuilder AddPostgresStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<IValidateOptions<StorageOptions>, PostgresConnectionValidator>();
        services.AddClocks();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (ConnectionStrings.Problem(options.ConnectionString) is { } problem)
            {
                throw new OptionsValidationException(StorageOptions.Section, typeof(StorageOptions), [problem]);
            }

            var source = new NpgsqlDataSourceBuilder(options.ConnectionString);
            if (string.IsNullOrEmpty(source.ConnectionStringBuilder.ApplicationName))
            {
                source.ConnectionStringBuilder.ApplicationName = "Directive920Bot";
            }

            var log = sp.GetRequiredService<ILogger<PostgresStorage>>();
            log.LogInformation("Storage: PostgreSQL at {Server}", ConnectionStrings.Describe(options.ConnectionString!));
            BotClock.TryResolveZone(sp.GetService<IOptions<BotOptions>>()?.Value.TimeZone, out var zone);
            return new PostgresStorage(source.Build(), options.MaxConcurrentWrites, log, zone.Id);
        });
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<PostgresStorage>());
        services.AddSingleton<IStoreLock, PostgresStoreLock>();
        // Several instances write one database: what one changes is announced to the others (LISTEN/NOTIFY).
        services.AddSingleton<PgChangeFeed>();
        services.AddSingleton<IChangeFeed>(sp => sp.GetRequiredService<PgChangeFeed>());
        services.AddHostedService(sp => sp.GetRequiredService<PgChangeFeed>());
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("storage");

        // The provider's services: backups (the operator's on this provider), restore, upkeep after erasures, metrics.
        services.AddSingleton<IStoreBackup, PgStoreBackup>();
        services.AddSingleton<IStoreFiles, PgStoreFiles>();
        services.AddSingleton<IStorageMaintenance, PgStorageMaintenance>();
        services.AddSingleton<IStoreCopyTarget, PgStoreCopyTarget>(); // migrate-store: an empty database, written in one transaction
        services.AddBotMetrics();
        services.AddSingleton<IMetricSource, PostgresStorageMetrics>();

        // Channels: callback keys, the inbox, the person directory.
        services.AddSingleton<ICallbackKeyRecords, PgCallbackKeyRecords>();
        services.AddSingleton<IInboxStore, PgInboxStore>();
        services.AddSingleton<IPersonDirectory, PgPersonDirectory>();
        services.AddSingleton<IOfferedChoicesStore, PgOfferedChoicesStore>();
        services.AddSingleton<Directive920Bot.WebConsole.IConsoleSignIns, WebConsole.PgConsoleSignIns>();
        services.AddSingleton<Directive920Bot.WebConsole.IHandledMarks, WebConsole.PgHandledMarks>();
        services.AddSingleton<Directive920Bot.WebConsole.IInboxItems, WebConsole.PgInboxItems>();

        // Registration: subscribers, units, registrations at an instant.
        services.AddSingleton<Directive920Bot.Registration.ISubscribers, Registration.PgSubscribers>();
        services.AddSingleton<Directive920Bot.Registration.IUnits, Registration.PgUnits>();
        services.AddSingleton<Directive920Bot.Registration.IRegistrationHistory, Registration.PgRegistrationHistory>();

        // Admin: roles, rosters, the audit log.
        services.AddSingleton<Directive920Bot.Admin.IRoles, Admin.PgRoles>();
        services.AddSingleton<Directive920Bot.Admin.IRoster, Admin.PgRoster>();
        services.AddSingleton<Directive920Bot.Admin.IAuditEntries, Admin.PgAuditEntries>();

        // Delivery: the ledger and the chunks of large expansions.
        services.AddSingleton<Directive920Bot.Delivery.IDeliveryLedgerStore, Delivery.PgDeliveryLedger>();
        // Several instances: one dispatcher per bot drains (a lease row), from the table (claims with SKIP LOCKED).
        services.AddSingleton<Directive920Bot.Delivery.IDueRowClaims, Delivery.PgDueRowClaims>();
        services.AddSingleton<Delivery.PgDispatcherLease>();
        services.AddSingleton<Directive920Bot.Delivery.IDispatcherLease>(sp => sp.GetRequiredService<Delivery.PgDispatcherLease>());
        services.AddSingleton<Directive920Bot.Delivery.ICampaigns, Delivery.PgCampaigns>();
        services.AddSingleton<Directive920Bot.Delivery.ITrackPositions, Delivery.PgTrackPositions>();
        services.AddSingleton<Directive920Bot.Delivery.IBroadcastDrafts, Delivery.PgBroadcastDrafts>();
        services.AddSingleton<Directive920Bot.Reports.INudgeMarks, Reports.PgNudgeMarks>();
        services.AddSingleton<Directive920Bot.Delivery.IDeliveryHistory, Delivery.PgDeliveryHistory>();

        // Reports: the counters, kept in the transaction of what they count.
        services.AddSingleton<Directive920Bot.Reports.IReportCounterStore, Reports.PgReportCounterStore>();

        // Engagement: acknowledgements and quiz answers.
        services.AddSingleton<Directive920Bot.Engagement.IAcknowledgements, Engagement.PgAcknowledgements>();
        services.AddSingleton<Directive920Bot.Engagement.IQuizAnswers, Engagement.PgQuizAnswers>();
        services.AddSingleton<Directive920Bot.Engagement.IReviews, Engagement.PgReviews>();
        services.AddSingleton<Directive920Bot.Engagement.IFeedback, Engagement.PgFeedback>();
        services.AddSingleton<Directive920Bot.Engagement.IOpenReviews, Engagement.PgOpenReviews>();
        services.AddSingleton<Directive920Bot.Engagement.IAcknowledgementHistory, Engagement.PgAcknowledgementHistory>();
        services.AddSingleton<Directive920Bot.Engagement.IAnswerHistory, Engagement.PgAnswerHistory>();
        services.AddSingleton<Directive920Bot.Engagement.IEscalations, Engagement.PgEscalations>();

        // Questions, implementation reports and commitments.
        services.AddSingleton<Directive920Bot.Questions.IUnansweredQuestions, Questions.PgUnansweredQuestions>();
        services.AddSingleton<Directive920Bot.Implementation.IImplementationReports, Implementation.PgImplementationReports>();
        services.AddSingleton<Directive920Bot.Implementation.ICommitments, Implementation.PgCommitments>();

        // Media: short-lived image links (Zalo's sendPhoto takes a URL).
        services.AddSingleton<Directive920Bot.Media.IMediaLinks, Media.PgMediaLinks>();
        return builder;
    }
}

/// <summary>Storage:ConnectionString parses and names a host and a database (the string is never echoed).</summary>
internal sealed class PostgresConnectionValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        options.IsPostgres && ConnectionStrings.Problem(options.ConnectionString) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
