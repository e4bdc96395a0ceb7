using Directive920Bot.Zalo;

namespace Directive920Bot.Tests.Zalo;

public sealed class ZaloOptionsTests
{
    [Fact]
    public void Webhook_mode_without_an_https_url_or_a_long_enough_secret_is_refused_naming_key_and_value()
    {
        var options = new ZaloOptions { BotToken = "1:secret-token", Mode = ZaloMode.Webhook, WebhookUrl = "http://bot.example.vn/z", WebhookSecret = "short" };

        var result = new ZaloOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Zalo:WebhookUrl must be an absolute https address in webhook mode (got 'http://bot.example.vn/z')", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Zalo:WebhookSecret must be 8–256 characters in webhook mode (got 5 characters)", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_token_the_channel_is_off_and_nothing_else_is_checked()
    {
        var options = new ZaloOptions { Mode = ZaloMode.Webhook, ApiBaseUrl = "not a url" };

        Assert.True(new ZaloOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void A_bad_api_base_url_is_named_with_its_value()
    {
        var options = new ZaloOptions { BotToken = "1:x", ApiBaseUrl = "bot-api.zaloplatforms.com" };

        var result = new ZaloOptionsValidator().Validate(null, options);

        Assert.Contains("Zalo:ApiBaseUrl must be an absolute http(s) address (got 'bot-api.zaloplatforms.com')", result.FailureMessage, StringComparison.Ordinal);
    }
}
