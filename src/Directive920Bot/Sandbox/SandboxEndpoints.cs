using Directive920Bot.Hosting;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Directive920Bot.Localization;

namespace Directive920Bot.Sandbox;

/// <summary>
/// The sandbox's routes under /sandbox: the page, its two assets, the clock, new cadres, the panels, and a proxy to
/// the emulator's user API (<c>/_emulator/</c>) so the page stays on one origin.
/// </summary>
public static class SandboxEndpoints
{
    public const string EmulatorClient = "sandbox-emulator";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record NewCadre(string? Name);

    public static async Task HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var path = http.Request.Path.Value ?? "";
        var method = http.Request.Method;
        var services = http.RequestServices;
        var lang = Lang(http);
        var ct = http.RequestAborted;
        IResult result = (method, path) switch
        {
            ("GET", "" or "/") => Results.Content(SandboxPage.Render(services, lang, http.Request.Query), "text/html; charset=utf-8"),
            ("GET", "/assets/sandbox.css") => Asset("sandbox.css", "text/css; charset=utf-8"),
            ("GET", "/assets/sandbox.js") => Asset("sandbox.js", "text/javascript; charset=utf-8"),
            ("GET", "/api/status") => Status(services, http, lang),
            ("POST", "/api/clock/hour") => await MoveClockAsync(services, lang, c => c.AdvanceAsync(TimeSpan.FromHours(1), ct)),
            ("POST", "/api/clock/day") => await MoveClockAsync(services, lang, c => c.AdvanceAsync(TimeSpan.FromDays(1), ct)),
            ("POST", "/api/clock/next") => await MoveClockAsync(services, lang, c => c.AdvanceToNextEventAsync(ct)),
            ("POST", "/api/users") => await CreateCadreAsync(services, http),
            (_, var p) when p.StartsWith("/zalo/chats/", StringComparison.Ordinal) => await SandboxZaloChat.HandleAsync(services, http, p["/zalo/chats/".Length..]),
            (_, var p) when p.StartsWith("/emulator/", StringComparison.Ordinal) => await ProxyAsync(services, http, p["/emulator/".Length..]),
            _ => Results.NotFound(),
        };
        await result.ExecuteAsync(http);
    }

    private static string Lang(HttpContext http) =>
        http.Request.Query["lang"].ToString() == Languages.English ? Languages.English : Languages.Vietnamese;

    private static IResult Asset(string name, string contentType)
    {
        var stream = typeof(SandboxEndpoints).Assembly.GetManifestResourceStream("Directive920Bot.Sandbox.Assets." + name);
        return stream is null ? Results.NotFound() : Results.Stream(stream, contentType);
    }

    private static IResult Status(IServiceProvider services, HttpContext http, string lang)
    {
        var panels = services.GetRequiredService<SandboxPanels>();
        var cadre = long.TryParse(http.Request.Query["cadre"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0;
        var clock = services.GetRequiredService<SandboxClock>();
        // A cadre played on Zalo is the person their Zalo address belongs to (an allocated id, not the demo id).
        var person = http.Request.Query["ch"].ToString() == SandboxZaloChat.Channel ? SandboxZaloChat.PersonOf(services, cadre) : null;
        return Results.Json(new { clock = panels.ClockText(lang), utc = clock.GetUtcNow(), panels = panels.Render(cadre, lang, person) }, Json);
    }

    private static async Task<IResult> MoveClockAsync(IServiceProvider services, string lang, Func<SandboxClockControl, Task<DateTimeOffset>> move)
    {
        var utc = await move(services.GetRequiredService<SandboxClockControl>());
        return Results.Json(new { clock = services.GetRequiredService<SandboxPanels>().ClockText(lang), utc }, Json);
    }

    private static async Task<IResult> CreateCadreAsync(IServiceProvider services, HttpContext http)
    {
        NewCadre? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<NewCadre>(http.Request.Body, Json, http.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.BadRequest(new { error = "A JSON body {name} is required." });
        }

        var person = services.GetRequiredService<SandboxDemo>().Create(body?.Name);
        return Results.Json(new { id = person.Id, fullName = person.FullName }, Json);
    }

    /// <summary>Forwards to the emulator's loopback user API, unchanged: the page sees exactly what the emulator says.</summary>
    private static async Task<IResult> ProxyAsync(IServiceProvider services, HttpContext http, string rest)
    {
        var emulator = services.GetRequiredService<SandboxEmulator>().Emulator;
        var target = new Uri(emulator.BaseUrl, "_emulator/" + rest + http.Request.QueryString.Value);
        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), target);
        if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            request.Content = new ByteArrayContent(buffer.ToArray());
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(http.Request.ContentType ?? "application/json");
        }

        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(EmulatorClient);
        using var response = await client.SendAsync(request, http.RequestAborted);
        var bytes = await response.Content.ReadAsByteArrayAsync(http.RequestAborted);
        return new RawResult((int)response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "application/json", bytes);
    }

    private sealed class RawResult(int status, string contentType, byte[] body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = contentType;
            return httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
        }
    }
}
