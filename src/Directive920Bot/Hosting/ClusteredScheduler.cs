using System.Globalization;
using Directive920Bot.Storage;
using Directive920Bot.Storage.Postgres;
using Microsoft.Extensions.Options;
using Quartz;

namespace Directive920Bot.Hosting;

/// <summary>
/// The scheduler's job store follows Storage:Provider. On <c>Postgres</c> Quartz keeps its jobs and triggers in the same
/// database (tables <c>qrtz_*</c>, created by Quartz itself when missing) and runs clustered: every instance shares the one (default) scheduler name, each gets
/// an instance id of its own (<see cref="UniqueInstanceIdGenerator"/>), a trigger's fire time is claimed under a row
/// lock by exactly one instance, and an instance that stops checking in (Scheduler:ClusterCheckinInterval) has its
/// in-flight jobs recovered by the others. On LiteDB (one process by design) the in-memory store stays.
/// </summary>
public static class ClusteredScheduler
{
    public const string Section = "Scheduler";

    public static IHostApplicationBuilder AddClusteredScheduler(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SchedulerOptions>().BindConfiguration(Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidator>();
        var storage = builder.Configuration.GetSection(StorageOptions.Section);
        if (!string.Equals(storage[nameof(StorageOptions.Provider)], StorageOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            return builder;
        }

        // A bad value reaches the validator (which names the key and the value); the store is set up with the default meanwhile.
        var checkin = SchedulerOptions.TryParseInterval(builder.Configuration[$"{Section}:{nameof(SchedulerOptions.ClusterCheckinInterval)}"], out var parsed)
            ? parsed
            : SchedulerOptions.DefaultCheckinInterval;
        var connectionString = SchedulerConnections.Of(storage[nameof(StorageOptions.ConnectionString)] ?? string.Empty);
        builder.Services.AddQuartz(q => Configure(q, connectionString, checkin));
        builder.Services.AddHostedService(_ => new SchedulerConnectionRelease(connectionString));
        return builder;
    }

    /// <summary>The clustered ADO store on <paramref name="connectionString"/>; the tests build raw schedulers with it too.</summary>
    public static void Configure(IQuartzBuilder q, string connectionString, TimeSpan checkinInterval)
    {
        ArgumentNullException.ThrowIfNull(q);
        // Quartz 4.7 generates an id for a clustered scheduler anyway (#4091); ours cannot repeat on one machine.
        q.UseInstanceIdGenerator<UniqueInstanceIdGenerator>();
        q.UsePersistentStore(s =>
        {
            // The connection string goes to Quartz's data source only; nothing here logs it.
            s.UsePostgres(connectionString);
            s.ConfigureStore(o => o.TablePrefix = "qrtz_");
            s.UseSystemTextJsonSerializer(_ => { });
            s.UseClustering(c =>
            {
                c.CheckinInterval = checkinInterval;
                // A survivor recovers a silent instance after its interval plus this margin (GC pauses, slow disks).
                c.CheckinMisfireThreshold = checkinInterval;
            });
            // Quartz 4.7.3 ships its own PostgreSQL schema (more columns than the classic qrtz_ script: misfire history,
            // execution groups, overlap policy…) and creates only what is missing, never altering or dropping; a
            // hand-written copy in our migrations would drift from the version in Directory.Packages.props.
            s.ProvisionSchema();
        });
    }
}

/// <summary>Scheduler:* — the clustered store's settings (used when Storage:Provider=Postgres).</summary>
public sealed class SchedulerOptions
{
    public static readonly TimeSpan DefaultCheckinInterval = TimeSpan.FromSeconds(15);

    /// <summary>How often an instance checks in; a silent one is recovered after about twice this.</summary>
    public string? ClusterCheckinInterval { get; set; }

    internal static bool TryParseInterval(string? value, out TimeSpan interval)
    {
        interval = DefaultCheckinInterval;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out interval)
            && interval >= TimeSpan.FromSeconds(1) && interval <= TimeSpan.FromMinutes(10);
    }
}

internal sealed class SchedulerOptionsValidator : IValidateOptions<SchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options) =>
        SchedulerOptions.TryParseInterval(options.ClusterCheckinInterval, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{ClusteredScheduler.Section}:{nameof(SchedulerOptions.ClusterCheckinInterval)} = '{options.ClusterCheckinInterval}' is not a duration from 1 second to 10 minutes.");
}
