using Microsoft.Extensions.Options;

namespace Directive920Bot.Telegram;

internal sealed class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();
        if (options.Mode == TelegramMode.Webhook)
        {
            failures.Add("Telegram:Mode 'Webhook' is not supported yet; use 'Polling'.");
        }

        if (!options.HasToken)
        {
            // Outside Development the sandbox does not stand in for a missing token (see Sandbox:Enabled).
            failures.Add("Telegram:BotToken is not set. Set it with the environment variable Telegram__BotToken, user-secrets or a file " +
                "Telegram__BotToken in the secrets directory (or Sandbox:Enabled=true to try the sandbox on this machine).");
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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
