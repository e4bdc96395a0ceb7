using System.Text.Json;
using System.Text.Json.Serialization;
using Directive920Bot.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
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

    public static WebApplication MapWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
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

    /// <summary>Everyone sees the status of each check; only a trusted caller (metrics key, loopback) sees the descriptions.</summary>
    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        var detailed = context.RequestServices.GetRequiredService<OperationsAccess>().IsTrusted(context);
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = detailed ? e.Value.Description : null }),
        }, HealthJson));
    }

    private static readonly JsonSerializerOptions HealthJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
}
