using System.Net;
using System.Text;
using Directive920Bot.Channels;
using Directive920Bot.Tests.Infrastructure;
using Directive920Bot.Zalo;

namespace Directive920Bot.Tests.Zalo;

public sealed class ZaloWebhookTests
{
    private const string Path = "/zalo/hook";

    private static string Update(string messageId, string userId, string text) =>
        $$$"""{"event_name":"message.text.received","message":{"message_id":"{{{messageId}}}","from":{"id":"{{{userId}}}","display_name":"Hà","is_bot":false},"chat":{"id":"{{{userId}}}","chat_type":"PRIVATE"},"date":1764979200000,"text":"{{{text}}}"}}""";

    private static async Task<HttpStatusCode> PostAsync(ZaloKit kit, string body, string? secret)
    {
        using var http = kit.Bot.Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add(ZaloWebhookEndpoint.SecretHeader, secret);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_webhook_call_with_a_missing_or_wrong_secret_is_refused_with_401_and_changes_nothing()
    {
        await using var kit = await ZaloKit.StartAsync(webhook: true);
        kit.Zalo.AddUser("zw-1", "Hà");
        Assert.Equal("https://bot.example.vn/zalo/hook", kit.Zalo.WebhookUrl); // registered at start with the secret

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(kit, Update("m-1", "zw-1", "/start"), secret: null));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(kit, Update("m-1", "zw-1", "/start"), secret: BotHarness.WebhookSecret + "x"));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(kit, Update("m-1", "zw-1", "/start"), secret: ""));

        Assert.Empty(kit.Bot.Get<IInboxStore>().PendingKeyed(ChannelNames.Zalo));
        Assert.Equal(0, kit.Processor.Handled);
        Assert.Empty(kit.Zalo.Transcript("zw-1"));

        // The right secret: accepted, handled, answered — and the same update posted again is handled once.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(kit, Update("m-1", "zw-1", "/start"), BotHarness.WebhookSecret));
        await kit.Emulator.WaitUntilAsync(() => kit.Processor.Handled == 1, BotHarness.Wait);
        var answered = kit.Zalo.Transcript("zw-1").Count;
        Assert.True(answered > 0);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(kit, Update("m-1", "zw-1", "/start"), BotHarness.WebhookSecret));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(kit, Update("m-2", "zw-1", "/trogiup"), BotHarness.WebhookSecret));
        await kit.Emulator.WaitUntilAsync(() => kit.Processor.Handled == 2, BotHarness.Wait);
        Assert.Equal(2, kit.Processor.Handled);
    }

    [Fact]
    public async Task A_flood_from_one_zalo_user_is_shed_before_the_inbox_with_one_notice_while_another_user_is_answered()
    {
        await using var kit = await ZaloKit.StartAsync(webhook: true, extra: new Dictionary<string, string?>
        {
            ["Zalo:InputBurst"] = "3",
            ["Zalo:InputPerMinute"] = "1",
        });
        kit.Zalo.AddUser("zf-1", "Hà");
        kit.Zalo.AddUser("zf-2", "Minh");

        for (var i = 1; i <= 12; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await PostAsync(kit, Update($"f-{i}", "zf-1", "/trogiup"), BotHarness.WebhookSecret));
        }

        Assert.Equal(HttpStatusCode.OK, await PostAsync(kit, Update("g-1", "zf-2", "/trogiup"), BotHarness.WebhookSecret));
        await kit.Emulator.WaitUntilAsync(() => kit.Processor.Handled == 4, BotHarness.Wait);

        // Three within the burst were stored and handled; the other nine were neither stored nor handled, and cost one notice.
        var flooder = kit.Zalo.Transcript("zf-1").Where(m => m.FromBot).ToList();
        Assert.Single(flooder, m => m.Text.Contains("quá nhiều tin nhắn", StringComparison.Ordinal));
        Assert.Empty(kit.Bot.Get<IInboxStore>().PendingKeyed(ChannelNames.Zalo));
        Assert.Equal(4, kit.Processor.Handled);
        Assert.Contains(kit.Zalo.Transcript("zf-2"), m => m.FromBot);
    }
}
