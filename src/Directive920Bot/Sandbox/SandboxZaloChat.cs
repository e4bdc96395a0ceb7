using System.Globalization;
using System.Text.Json;
using Directive920Bot.Channels;

namespace Directive920Bot.Sandbox;

/// <summary>
/// The page's side of a demo cadre played on Zalo: the user half of the emulator's Zalo dialect (what the person types,
/// what the bot sent), under <c>/sandbox/zalo/chats/{demo id}/</c>. The bot half is the real Zalo adapter polling the
/// dialect, as it polls the Bot Platform. A demo cadre's Zalo user id is <c>zu-{demo id}</c>; messages are numbered in
/// transcript order, so the page's chat client shows them as it shows Telegram's.
/// </summary>
internal static class SandboxZaloChat
{
    public const string Channel = "zalo";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record TextRequest(string? Text);

    public static string UserIdFor(long demoId) => "zu-" + demoId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The person the demo cadre is on Zalo; null before they consented there.</summary>
    public static long? PersonOf(IServiceProvider services, long demoId) =>
        services.GetRequiredService<IPersonDirectory>().Find(new ChannelAddress(ChannelAddress.Zalo, UserIdFor(demoId)));

    public static async Task<IResult> HandleAsync(IServiceProvider services, HttpContext http, string rest)
    {
        var parts = rest.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var demoId)
            || services.GetRequiredService<SandboxDemo>().Find(demoId) is not { Persona: SandboxPersona.Cadre } person)
        {
            return Results.NotFound();
        }

        var zalo = services.GetRequiredService<SandboxEmulator>().Emulator.Zalo;
        var userId = UserIdFor(demoId);
        zalo.AddUser(userId, person.FullName.Split(' ')[^1]);
        switch (http.Request.Method, parts[1])
        {
            case ("GET", "messages"):
                var after = int.TryParse(http.Request.Query["after"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) ? Math.Max(a, 0) : 0;
                var transcript = zalo.Transcript(userId);
                var messages = transcript.Select((m, i) => new { messageId = i + 1, fromBot = m.FromBot, text = m.Text, date = m.At }).Skip(after).ToList();
                return Results.Json(new { version = transcript.Count, messages }, Json);
            case ("POST", "text"):
                TextRequest? body;
                try
                {
                    body = await JsonSerializer.DeserializeAsync<TextRequest>(http.Request.Body, Json, http.RequestAborted);
                }
                catch (JsonException)
                {
                    return Results.BadRequest(new { error = "A JSON body {text} is required." });
                }

                return Results.Json(new { messageId = zalo.SendText(userId, body?.Text ?? "") }, Json);
            default:
                return Results.NotFound();
        }
    }
}
