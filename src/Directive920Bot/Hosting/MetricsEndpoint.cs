using Directive920Bot.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Prometheus;

namespace Directive920Bot.Hosting;

/// <summary>
/// /metrics in the Prometheus text format, written by prometheus-net from this host's registry
/// (<see cref="HostMetricsRegistry"/>): its MeterAdapter publishes the features' .NET Meters (<see cref="BotMetrics"/>),
/// and its collectors add process memory, CPU and the .NET runtime. Only a trusted caller (the metrics key, or loopback
/// without a proxy in between) is answered.
/// </summary>
public static class MetricsEndpoint
{
    public static IHostApplicationBuilder AddMetricsExport(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<HostMetricsRegistry>();
        return builder;
    }

    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Resolved at start, so the adapter listens before the first instrument is used.
        var metrics = app.Services.GetRequiredService<HostMetricsRegistry>();
        app.MapGet("/metrics", Results<PushStreamHttpResult, UnauthorizedHttpResult> (HttpContext context, OperationsAccess access) =>
                access.IsTrusted(context)
                    ? TypedResults.Stream(stream => metrics.Registry.CollectAndExportAsTextAsync(stream, context.RequestAborted), "text/plain; version=0.0.4; charset=utf-8")
                    : TypedResults.Unauthorized())
            .ExcludeFromDescription();
        return app;
    }
}
