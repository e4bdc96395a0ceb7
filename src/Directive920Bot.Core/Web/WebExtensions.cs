using System.Text.Json;
using System.Text.Json.Serialization;
using Directive920Bot.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Directive920Bot.Web;

public static class WebExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Loopback by default: the admin surface is not for the open internet unless someone decides so.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.Configuration["urls"] = DefaultUrl;
        }

        RequireSafeListening(builder.Configuration);
        if (builder.Configuration.GetValue<bool>(BehindProxyKey))
        {
            // Behind a TLS-terminating proxy: trust X-Forwarded-For/-Proto from the configured proxies only (loopback by default).
            var proxies = builder.Configuration.GetSection(KnownProxiesKey).GetChildren().Select(c => c.Value).OfType<string>().ToList();
            builder.Services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                foreach (var proxy in proxies)
                {
                    o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
                }
            });
        }

        builder.Services.AddSingleton<ApiKeyFailures>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.Section);
        builder.Services.AddSingleton<OperationsAccess>();
        builder.Services.AddHealthChecks().AddCheck<Hosting.SchedulerHealthCheck>("scheduler");
        builder.Services.AddOptions<ApiKeysCheck>().ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ApiKeysCheck>, ApiKeysValidator>();
        builder.Services.AddAuthentication(ApiAuth.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiAuth.Scheme, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiAuth.UnitAdminPolicy, p => p.RequireClaim(ApiAuth.RoleClaim, nameof(AdminRole.UnitAdmin), nameof(AdminRole.BlocAdmin)))
            .AddPolicy(ApiAuth.BlocAdminPolicy, p => p.RequireClaim(ApiAuth.RoleClaim, nameof(AdminRole.BlocAdmin)));
        return builder;
    }

    public const string BehindProxyKey = "Web:BehindProxy";
    public const string KnownProxiesKey = "Web:KnownProxies";

    /// <summary>
    /// API keys and personal data must not cross a network in clear text: a non-loopback plain-HTTP address stops the
    /// start unless a TLS-terminating proxy is in front (<c>Web:BehindProxy=true</c>).
    /// </summary>
    internal static void RequireSafeListening(IConfiguration configuration)
    {
        var behindProxy = configuration.GetValue<bool>(BehindProxyKey);
        foreach (var url in ListenAddresses.From(configuration))
        {
            if (ListenAddresses.IsPlainHttp(url) && !ListenAddresses.IsLoopback(url) && !behindProxy)
            {
                throw new InvalidOperationException(
                    $"urls '{url}' serves plain HTTP beyond this machine. Listen on https, or on loopback behind a TLS proxy, " +
                    $"or set {BehindProxyKey}=true (with {KnownProxiesKey}:0… naming the proxy) when a TLS-terminating proxy forwards to it.");
            }
        }

        foreach (var proxy in configuration.GetSection(KnownProxiesKey).GetChildren())
        {
            if (!System.Net.IPAddress.TryParse(proxy.Value, out _))
            {
                throw new InvalidOperationException($"{KnownProxiesKey}:{proxy.Key} must be an IP address, was '{proxy.Value}'.");
            }
        }
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Configuration.GetValue<bool>(BehindProxyKey))
        {
            app.UseForwardedHeaders();
        }
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        // Every feature's admin endpoints: an API key of at least a unit admin; features narrow it further.
        var api = app.MapGroup("/api").RequireAuthorization(ApiAuth.UnitAdminPolicy);
        foreach (var endpoints in app.Services.GetServices<IApiEndpoints>())
        {
            endpoints.Map(api);
        }

        // Alive: the process answers HTTP (a container's HEALTHCHECK, systemd's watchdog); it runs no check, so a
        // Telegram outage never gets the process restarted.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealthAsync });
        // Ready: store open, content loaded, Telegram reachable, scheduler running, writer not stalled.
        app.MapHealthChecks("/readyz", new HealthCheckOptions { ResponseWriter = WriteHealthAsync });
        return app;
    }

    /// <summary>
    /// Everyone sees the status of each check; the descriptions — error text that may name paths, hosts or exceptions —
    /// only a caller with credentials: the metrics key (OperationsAccess) or a valid API key. Anonymous callers see
    /// statuses only, wherever they connect from.
    /// </summary>
    private static async Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        var detailed = context.RequestServices.GetRequiredService<OperationsAccess>().HasKey(context)
            || (await context.AuthenticateAsync(ApiAuth.Scheme)).Succeeded;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = detailed ? e.Value.Description : null }),
        }, HealthJson));
    }

    private static readonly JsonSerializerOptions HealthJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
}
