using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Registration;
using Directive920Bot.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Directive920Bot.WebConsole;

public static class ConsoleExtensions
{
    /// <summary>
    /// The web console: <c>/web</c> sign-in links, the cookie session, anti-forgery and the pages under <c>/console</c>,
    /// in the same process as the bot and the admin API.
    /// </summary>
    public static IHostApplicationBuilder AddWebConsole(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section)
            .Validate(o => o.IdleTimeout >= TimeSpan.FromMinutes(1) && o.IdleTimeout <= TimeSpan.FromHours(12),
                "Console:IdleTimeout must be between 00:01:00 and 12:00:00.")
            .ValidateOnStart();
        services.AddSingleton<ConsoleSignInService>();
        services.AddSingleton<ConsoleLinks>();
        services.AddSingleton<ConsoleOverview>();
        services.AddSingleton<UnitMembers>();
        services.AddSingleton<FeedbackInbox>();
        services.AddSingleton<ContentDesk>();
        services.AddSingleton<ICommandHandler, WebCommandHandler>();
        services.AddSingleton<IPersonalDataHolder, ConsolePersonalData>();
        services.AddConsoleKeys();
        services.AddRazorComponents();
        // Vietnamese text as UTF-8 in the pages, not as a numeric entity per letter (the renderer takes this encoder).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "d920.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__af";
        });
        services.AddAuthentication().AddCookie(ConsoleAuth.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(ConsoleAuth.Scheme)
            .Configure<IOptions<ConsoleOptions>, IServiceProvider>((o, console, provider) =>
            {
                o.Cookie.Name = ConsoleAuth.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                // Secure whenever the request came over HTTPS (directly, or through the proxy of Web:BehindProxy).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.Path = "/";
                o.ExpireTimeSpan = console.Value.IdleTimeout;
                o.SlidingExpiration = true;
                o.LoginPath = "/signin";
                o.LogoutPath = "/console/logout";
                o.AccessDeniedPath = "/signin";
                o.ReturnUrlParameter = "back";
                // The idle timeout is a rule people see (like a key's expiry): the business clock decides it.
                o.TimeProvider = provider.GetRequiredKeyedService<TimeProvider>(Hosting.Clocks.Business);
                o.Events.OnValidatePrincipal = ConsoleAuth.ValidateAsync;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleAuth.Policy, p => p.AddAuthenticationSchemes(ConsoleAuth.Scheme)
                .RequireClaim(ApiAuth.RoleClaim, nameof(AdminRole.UnitAdmin), nameof(AdminRole.BlocAdmin)));
        return builder;
    }

    public static WebApplication MapWebConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Forms are checked by RequireAntiforgery below (every POST, whatever it binds), not by the framework's
        // per-parameter metadata, which would let a POST that binds no form field through.
        var signIn = app.MapGroup("").DisableAntiforgery().AddEndpointFilter(RequireAntiforgery);
        signIn.MapSignIn();
        var console = app.MapGroup("/console").RequireAuthorization(ConsoleAuth.Policy).DisableAntiforgery().AddEndpointFilter(RequireAntiforgery);
        console.MapConsolePages();
        console.MapConsoleDesk();
        return app;
    }

    /// <summary>Every POST carries the form token: without it, 400 and nothing changes.</summary>
    private static async ValueTask<object?> RequireAntiforgery(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method))
        {
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return TypedResults.Problem("The form's anti-forgery token is missing or wrong: reload the page and send it again.", statusCode: StatusCodes.Status400BadRequest);
            }
        }

        return await next(context);
    }
}
