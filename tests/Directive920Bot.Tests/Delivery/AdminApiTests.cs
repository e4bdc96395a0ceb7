using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Delivery;

public sealed class AdminApiTests
{
    private static Dictionary<string, string?> Keys() => DeliveryKit.Settings(
        ("Admin:ApiKeys:propaganda", "bloc-key-123-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js"),
        ("Admin:ApiKeys:snv:Key", "unit-key-456-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js"),
        ("Admin:ApiKeys:snv:Role", "UnitAdmin"),
        ("Admin:ApiKeys:snv:Units:0", "SNV"),
        ("Admin:ApiKeys:boss:Key", "user-key-789-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js"),
        ("Admin:ApiKeys:boss:UserId", "9001"),
        ("Bot:SuperAdmins:0", "9001"));

    private static HttpClient Client(BotHarness bot, string? key)
    {
        var client = new HttpClient { BaseAddress = bot.WebUrl };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    [Fact]
    public async Task Without_a_valid_key_the_api_answers_401_and_a_unit_admin_gets_403_on_campaigns()
    {
        await using var bot = await BotHarness.StartAsync(Keys());
        using var anonymous = Client(bot, null);
        using var wrong = Client(bot, "nope");
        using var unit = Client(bot, "unit-key-456-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js");
        using var bloc = Client(bot, "bloc-key-123-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js");
        using var user = Client(bot, "user-key-789-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("api/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("api/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsync("api/campaigns", Json("""{"text":"x","audience":{"all":true}}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bloc.GetAsync("api/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("api/campaigns")).StatusCode); // a super-admin's key
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("healthz")).StatusCode);
    }

    [Theory]
    [InlineData("""{"lessonId":"no-such-lesson","audience":{"all":true}}""", "lessonId")]
    [InlineData("""{"text":"x","audience":{"units":["SNV",5]}}""", "audience.units[1]")]
    [InlineData("""{"text":"x","audience":{"units":["NOPE"]}}""", "audience.units")]
    [InlineData("""{"text":"x","audience":{"all":true},"sendAt":"tomorrow"}""", "sendAt")]
    [InlineData("""{"text":"x","audience":{"all":true},"requireAck":"yes"}""", "requireAck")]
    [InlineData("""{"text":"x"}""", "audience")]
    [InlineData("""{"text":"x","audience":{"roles":["boss"]}}""", "audience.roles")]
    [InlineData("""{"text":"x","audience":{"all":true},"cron":"every day"}""", "cron")]
    [InlineData("""{"text":"x", """, "body")]
    [InlineData("""{"text":"x","audience":{"all":true},"requireQuizBeforeAck":true}""", "requireQuizBeforeAck")]
    [InlineData("""{"lessonId":"study-at-next-meeting","audience":{"all":true},"requireQuizBeforeAck":true}""", "requireQuizBeforeAck")]
    [InlineData("""{"lessonId":"c1-context","audience":{"all":true},"requireAck":false,"requireQuizBeforeAck":true}""", "requireQuizBeforeAck")]
    [InlineData("""{"lessonId":"c1-context","audience":{"all":true},"requireQuizBeforeAck":"yes"}""", "requireQuizBeforeAck")]
    public async Task A_bad_body_is_a_400_problem_naming_the_field(string body, string field)
    {
        await using var bot = await BotHarness.StartAsync(Keys());
        using var bloc = Client(bot, "bloc-key-123-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js");
        var response = await bloc.PostAsync("api/campaigns", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
    }

    [Fact]
    public async Task A_campaign_is_created_shown_with_progress_previewed_listed_and_cancelled()
    {
        await using var bot = await BotHarness.StartAsync(Keys());
        bot.Seed(901, "SNV-VP");
        bot.Seed(902, "SNV-CCVC", language: "en");
        bot.Seed(903, "STC");
        using var bloc = Client(bot, "bloc-key-123-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js");

        var created = await bloc.PostAsync("api/campaigns", Json("""
            {"lessonId":"c1-context","text":null,"audience":{"units":["SNV"],"includeSubUnits":true,"roles":null},"sendAt":null,"requireAck":true}
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.EndsWith("/api/campaigns/" + id, created.Headers.Location!.ToString(), StringComparison.Ordinal);
        await bot.DrainAsync(id);

        var shown = await bloc.GetFromJsonAsync<JsonElement>("api/campaigns/" + id);
        var progress = shown.GetProperty("progress");
        Assert.Equal(2, progress.GetProperty("expanded").GetInt32());
        Assert.Equal(2, progress.GetProperty("sent").GetInt32());
        Assert.Equal(0, progress.GetProperty("remaining").GetInt32());
        Assert.Equal("completed", shown.GetProperty("status").GetString());
        Assert.Equal("api:propaganda", shown.GetProperty("createdBy").GetString());

        var sent = await bloc.GetFromJsonAsync<JsonElement>($"api/campaigns/{id}/deliveries?state=sent");
        Assert.Equal([901L, 902], sent.EnumerateArray().Select(d => d.GetProperty("subscriberId").GetInt64()).Order().ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await bloc.GetAsync($"api/campaigns/{id}/deliveries?state=lost")).StatusCode);

        var preview = await bloc.GetFromJsonAsync<JsonElement>($"api/campaigns/{id}/preview");
        Assert.Equal(2, preview.GetProperty("audienceCount").GetInt32());
        Assert.Contains("<b>", preview.GetProperty("messages").GetProperty("en").GetString(), StringComparison.Ordinal);

        var later = await bloc.PostAsync("api/campaigns", Json("""{"text":"Sau.","audience":{"all":true},"sendAt":"2026-12-02T08:00:00+07:00"}"""));
        var laterId = (await later.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var list = await bloc.GetFromJsonAsync<JsonElement>("api/campaigns");
        Assert.Equal(2, list.GetArrayLength());
        Assert.Equal("scheduled", (await bloc.GetFromJsonAsync<JsonElement>("api/campaigns/" + laterId)).GetProperty("status").GetString());

        var cancelled = await bloc.PostAsync($"api/campaigns/{laterId}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await bloc.GetAsync("api/campaigns/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bloc.PostAsync($"api/campaigns/{id}/resend-failed", null)).StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
