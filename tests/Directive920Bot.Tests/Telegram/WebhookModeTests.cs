using System.Net;
using System.Text;
using Directive920Bot.Channels;
using Directive920Bot.Registration;
using Directive920Bot.Telegram;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Telegram;

/// <summary>Webhook mode against the emulator, which POSTs updates like Telegram (secret header, retry on non-200).</summary>
public sealed class WebhookModeTests
{
    private const string Path = "telegram/hook";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_cadre_journey_works_the_same_in_polling_and_webhook_mode(bool webhook)
    {
        await using var bot = await BotHarness.StartAsync(webhook: webhook);

        var subscriber = await bot.RegisterAsync(3101, "Trần Thị Bình", "SNV-VP");
        var help = await bot.SayAsync(3101, "/help");

        Assert.Equal(SubscriberStatus.Active, subscriber.Status);
        Assert.False(string.IsNullOrWhiteSpace(help.Text));
        var polled = bot.Emulator.Calls.Any(c => c.Method == "getUpdates");
        Assert.Equal(!webhook, polled);
        Assert.Equal(webhook, bot.Emulator.WebhookUrl is not null);
        Assert.Equal(webhook, bot.Emulator.WebhookDeliveries > 0);
    }

    [Fact]
    public async Task At_start_webhook_mode_sets_the_webhook_with_its_secret_allowed_updates_and_connection_limit()
    {
        await using var bot = await BotHarness.StartAsync(webhook: true, configuration: new Dictionary<string, string?> { ["Telegram:WebhookMaxConnections"] = "12" });
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.WebhookUrl is not null, BotHarness.Wait);

        Assert.Equal(new Uri(bot.WebUrl, Path), bot.Emulator.WebhookUrl);
        Assert.Equal(BotHarness.WebhookSecret, bot.Emulator.WebhookSecret);
        Assert.Equal(12, bot.Emulator.WebhookMaxConnections);
        Assert.Equal(["message", "callback_query", "poll_answer", "my_chat_member"], bot.Emulator.WebhookAllowedUpdates);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("test-webhook-secret_0123456789abcdeX")]
    [InlineData("test-webhook-secret")]
    public async Task A_post_without_the_right_secret_is_refused_with_401_and_stores_nothing(string? secret)
    {
        await using var bot = await BotHarness.StartAsync(webhook: true);
        bot.User(3201);
        using var http = bot.Http();
        var update = StartUpdate(990_001, 3201);

        using var refused = await PostAsync(http, update, secret);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty(bot.Get<IInboxStore>().Batches());
        Assert.Null(bot.Get<IInboxStore>().ReadCursor(UpdateInbox.Channel));
        Assert.Empty(bot.BotMessages(3201));

        // Not even its update_id was remembered: the same update with the right secret is handled.
        using var accepted = await PostAsync(http, update, BotHarness.WebhookSecret);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await bot.Emulator.WaitUntilAsync(() => bot.BotMessages(3201).Count > 0, BotHarness.Wait);
    }

    [Fact]
    public async Task An_update_redelivered_to_the_webhook_is_handled_once()
    {
        await using var bot = await BotHarness.StartAsync(webhook: true);
        bot.User(3301);
        await bot.SayAsync(3301, "/help");
        var handled = bot.Emulator.LastUpdateId;
        var inbox = bot.Get<UpdateInbox>();
        await bot.Emulator.WaitUntilAsync(() => inbox.Pending().Count == 0, BotHarness.Wait);
        var replies = bot.BotMessages(3301).Count;
        var delivered = bot.Emulator.WebhookDeliveries;

        bot.Emulator.RedeliverUpdate(handled);
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.WebhookDeliveries > delivered, BotHarness.Wait);
        await bot.SayAsync(3301, "/help");

        Assert.Equal(replies + 1, bot.BotMessages(3301).Count);
    }

    [Fact]
    public async Task Switching_back_to_polling_deletes_the_webhook_and_polls_again()
    {
        await using var bot = await BotHarness.StartAsync(webhook: true);
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.WebhookUrl is not null, BotHarness.Wait);

        bot.Configure("Telegram:Mode", "Polling");
        await bot.RestartAsync();
        bot.User(3401);
        var reply = await bot.SayAsync(3401, "/help");

        Assert.Null(bot.Emulator.WebhookUrl);
        Assert.Contains(bot.Emulator.Calls, c => c.Method == "deleteWebhook");
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
    }

    private static string StartUpdate(int updateId, long userId) =>
        $$$"""{"update_id":{{{updateId}}},"message":{"message_id":1,"date":1764550800,"chat":{"id":{{{userId}}},"type":"private","first_name":"An"},"from":{"id":{{{userId}}},"is_bot":false,"first_name":"An"},"text":"/help","entities":[{"offset":0,"length":5,"type":"bot_command"}]}}""";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string json, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add(WebhookEndpoint.SecretHeader, secret);
        }

        return await http.SendAsync(request);
    }
}
