using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Directive920Bot.Emulator.Tests;

public sealed class WebhookTests : EmulatorTestBase
{
    [Fact]
    public async Task Set_webhook_makes_get_updates_conflict_until_deleted()
    {
        await Bot.SetWebhook("https://example.com/hook");
        Assert.Equal("https://example.com/hook", (await Bot.GetWebhookInfo()).Url);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.GetUpdates(timeout: 0));
        Assert.Equal(409, error.ErrorCode);
        Assert.Equal("Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first", error.Message);

        await Bot.DeleteWebhook();
        Assert.Empty(await Bot.GetUpdates(timeout: 0));
    }
}
