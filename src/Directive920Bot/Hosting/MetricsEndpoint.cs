using Directive920Bot.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Prometheus;

namespace Directive920Bot.Hosting;

/// <summary>
/// /metrics in the Prometheus text format, written by prometheus-net: its MeterAdapter publishes the features' .NET
/// Meters (<see cref="BotMetrics"/>), and its default collectors add process memory, CPU and the .NET runtime. Only a
/// trusted caller (the metrics key, or loopback without a proxy in between) is answered.
/// </summary>
public static class MetricsEndpoint
{
    public static IHostApplicationBuilder AddMetricsExport(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Touching the default registry starts its collectors and the MeterAdapter before the first instrument is used.
        _ = Metrics.DefaultRegistry;
        return builder;
    }

    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/metrics", Results<PushStreamHttpResult, UnauthorizedHttpResult> (HttpContext context, OperationsAccess access) =>
                access.IsTrusted(context)
                    ? TypedResults.Stream(stream => Metrics.DefaultRegistry.CollectAndExportAsTextAsync(stream, context.RequestAborted), "text/plain; version=0.0.4; charset=utf-8")
                    : TypedResults.Unauthorized())
            .ExcludeFromDescription();
        return app;
    }
}
