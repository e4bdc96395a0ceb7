using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Implementation;
using Directive920Bot.Media;
using Directive920Bot.Questions;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Sandbox;
using Directive920Bot.Storage;
using Directive920Bot.Telegram;
using Directive920Bot.Web;
using Directive920Bot.Zalo;
using Directive920Bot.WebConsole;

namespace Directive920Bot.Hosting;

/// <summary>The table of contents of the service: one line per feature. Program.cs and the tests both use it.</summary>
public static class AppComposition
{
    public static IHostApplicationBuilder AddDirective920Bot(this IHostApplicationBuilder builder)
    {
        builder.AddBotCore();       // Hosting/: options, time zone, the business and transport clocks
        builder.AddSandbox();       // Sandbox/: a host mode — no token → in-process emulator, sandbox DB, demo data, /sandbox (before the features: it sets their clock and ticks)
        builder.AddStoreProvider(); // Storage:Provider — Directive920Bot.Storage.LiteDb (default, embedded) or Directive920Bot.Storage.Postgres
        builder.AddClusteredScheduler(); // Hosting/ClusteredScheduler: Quartz's store — in memory on LiteDB, clustered ADO on PostgreSQL
        builder.AddContent();       // Content/: lessons and quizzes from content/
        builder.AddTelegram();      // Telegram/: the adapter behind Channels/ — client, inbox, polling, routing, sending
        builder.AddMedia();         // Media/: short-lived image links at <Admin:PublicBaseUrl>/media/<token>, for Zalo's photo-by-URL
        builder.AddZalo();          // Zalo/: the second adapter, when Zalo:BotToken is set — typed replies for buttons, its own pacing
        builder.AddAdmin();         // Admin/: roles and unit scope, the audit log, rosters (Registration adds it too)
        builder.AddRegistration();  // Registration/: units, consent, the registration dialogue
        builder.AddDelivery();      // Delivery/: ledger, paced dispatcher, campaigns and their authoring, drip track
        builder.AddEngagement();    // Engagement/: acknowledgements, quizzes, reminders, review, progress, feedback
        builder.AddReports();       // Reports/: report counters, charts, exports, digests, nudges
        builder.AddQuestions();     // Questions/: "ask the notice" — search over the course, /hoi, the unanswered list
        builder.AddBackups();       // Storage/: daily backup job, POST /api/admin/backup (the CLI's backup/restore verbs use the same service)
        builder.AddImplementation(); // Implementation/: units' reports per requirement and period, evidence, matrix, locking, reminders
        builder.AddWeb();           // Web/: health and the admin API
        builder.AddWebConsole();    // WebConsole/: /web sign-in links, cookie sessions and the admin pages under /console
        builder.AddMetricsExport(); // Hosting/MetricsEndpoint: the features' Meters as Prometheus text at /metrics
        return builder;
    }

    /// <summary>The storage provider of the service (Storage:Provider, see <see cref="StoreProvider"/>); the CLI verbs open the same one.</summary>
    public static IHostApplicationBuilder AddStoreProvider(this IHostApplicationBuilder builder) => StoreProvider.AddStoreProvider(builder);

    /// <summary>What a CLI verb run from the command line gets: the console, the system clocks, the service's store.</summary>
    public static CliContext CliContext(TextWriter output) =>
        new(output, Business: null, Transport: TimeProvider.System, Storage: b => b.AddStoreProvider());

    public static WebApplication MapDirective920Bot(this WebApplication app)
    {
        app.MapWeb();
        app.MapWebConsole();        // WebConsole/: /signin and /console (after MapWeb: it needs its authentication)
        app.MapMetricsEndpoint();
        app.MapMediaLinks();        // Media/: GET /media/{token}, anonymous by design (the token is the capability)
        app.MapTelegramWebhook();   // Telegram/: webhook mode's POST endpoint on the path of Telegram:WebhookUrl (nothing in polling mode)
        app.MapZaloWebhook();       // Zalo/: webhook mode's POST endpoint on the path of Zalo:WebhookUrl (nothing otherwise)
        return app;
    }
}
