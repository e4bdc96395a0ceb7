using Microsoft.Extensions.Options;

namespace Directive920Bot.Telegram;

internal sealed class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();
        if (options.Mode == TelegramMode.Webhook)
        {
            ValidateWebhook(options, failures);
        }

        if (!options.HasToken)
        {
            // Outside Development the sandbox does not stand in for a missing token (see Sandbox:Enabled).
            // Telegram is not run at all when only Zalo is configured (TelegramExtensions.ZaloOnly): here neither is.
            failures.Add("No channel is configured: set Telegram:BotToken or Zalo:BotToken (or both). Set one with the environment variable " +
                "Telegram__BotToken or Zalo__BotToken, user-secrets or a file of that name in the secrets directory " +
                "(or Sandbox:Enabled=true to try the sandbox on this machine).");
        }
        else if (!options.BotToken!.Contains(':', StringComparison.Ordinal))
        {
            // The token itself is never echoed, not even when it is wrong.
            failures.Add("Telegram:BotToken must look like '<bot id>:<secret>', was a value without ':'.");
        }

        if (!string.IsNullOrWhiteSpace(options.ApiBaseUrl) &&
            (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"Telegram:ApiBaseUrl must be an absolute http(s) URL, was '{options.ApiBaseUrl}'.");
        }

        if (options.PollTimeoutSeconds is < 0 or > 50)
        {
            failures.Add($"Telegram:PollTimeoutSeconds must be between 0 and 50, was {options.PollTimeoutSeconds}.");
        }

        if (options.MaxConcurrentUpdates is < 1 or > 64)
        {
            failures.Add($"Telegram:MaxConcurrentUpdates must be between 1 and 64, was {options.MaxConcurrentUpdates}.");
        }

        if (options.MaxUpdatesInFlight is < 1 or > 100_000)
        {
            failures.Add($"Telegram:MaxUpdatesInFlight must be between 1 and 100000, was {options.MaxUpdatesInFlight}.");
        }

        if (options.InputBurst is < 1 or > 10_000)
        {
            failures.Add($"Telegram:InputBurst must be between 1 and 10000, was {options.InputBurst}.");
        }

        if (options.InputPerMinute is < 1 or > 60_000)
        {
            failures.Add($"Telegram:InputPerMinute must be between 1 and 60000, was {options.InputPerMinute}.");
        }

        if (options.InboxLeaseTime < TimeSpan.FromSeconds(1))
        {
            failures.Add($"Telegram:InboxLeaseTime must be at least 00:00:01, was {options.InboxLeaseTime}.");
        }

        if (options.InputNoticeWindow < TimeSpan.Zero)
        {
            failures.Add($"Telegram:InputNoticeWindow must not be negative, was {options.InputNoticeWindow}.");
        }

        if (options.CallbackAnswerDeadline <= TimeSpan.Zero || options.CallbackAnswerDeadline > TimeSpan.FromSeconds(10))
        {
            failures.Add($"Telegram:CallbackAnswerDeadline must be between 00:00:00 and 00:00:10, was {options.CallbackAnswerDeadline}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateWebhook(TelegramOptions options, List<string> failures)
    {
        if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var url) ||
            !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            // Telegram posts only to https; plain http is accepted for a loopback address (the emulator in tests).
            failures.Add($"Telegram:WebhookUrl must be an absolute https URL (http only for a loopback address) in Webhook mode, was '{options.WebhookUrl}'.");
        }

        // Telegram allows 1–256 of these characters; 32 is our floor so the secret cannot be guessed. Its value is never echoed.
        var secret = options.WebhookSecret ?? "";
        if (secret.Length is < 32 or > 256 || !secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            failures.Add($"Telegram:WebhookSecret must be 32 to 256 characters of A-Z, a-z, 0-9, '_' and '-' in Webhook mode, was {secret.Length} character(s).");
        }

        if (options.WebhookMaxConnections is < 1 or > 100)
        {
            failures.Add($"Telegram:WebhookMaxConnections must be between 1 and 100, was {options.WebhookMaxConnections}.");
        }
    }
}
