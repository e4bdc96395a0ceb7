using Microsoft.Extensions.Options;

namespace Directive920Bot.Zalo;

/// <summary>Refuses a start with a bad Zalo section, naming the key and the value (never the token or the secret).</summary>
internal sealed class ZaloOptionsValidator : IValidateOptions<ZaloOptions>
{
    public ValidateOptionsResult Validate(string? name, ZaloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.HasToken)
        {
            return ValidateOptionsResult.Success; // the channel is off
        }

        var errors = new List<string>();
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            errors.Add($"Zalo:ApiBaseUrl must be an absolute http(s) address (got '{options.ApiBaseUrl}').");
        }

        if (!Enum.IsDefined(options.Mode))
        {
            errors.Add($"Zalo:Mode must be Polling or Webhook (got '{options.Mode}').");
        }

        if (options.Mode == ZaloMode.Webhook)
        {
            if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme != "https")
            {
                errors.Add($"Zalo:WebhookUrl must be an absolute https address in webhook mode (got '{options.WebhookUrl}').");
            }

            // A secret_token of 8–256 characters, as openclaw's Zalo channel docs state the platform requires.
            if (options.WebhookSecret is not { Length: >= 8 and <= 256 })
            {
                errors.Add($"Zalo:WebhookSecret must be 8–256 characters in webhook mode (got {options.WebhookSecret?.Length ?? 0} characters).");
            }
        }

        if (options.PollTimeoutSeconds is < 1 or > 60)
        {
            errors.Add($"Zalo:PollTimeoutSeconds must be 1–60 (got {options.PollTimeoutSeconds}).");
        }

        if (options.MessagesPerSecond is <= 0 or > 1000)
        {
            errors.Add($"Zalo:MessagesPerSecond must be above 0 and at most 1000 (got {options.MessagesPerSecond}).");
        }

        if (options.InputBurst < 1 || options.InputPerMinute < 1)
        {
            errors.Add($"Zalo:InputBurst and Zalo:InputPerMinute must be at least 1 (got {options.InputBurst} and {options.InputPerMinute}).");
        }

        if (options.PerChatInterval < TimeSpan.Zero)
        {
            errors.Add($"Zalo:PerChatInterval must not be negative (got '{options.PerChatInterval}').");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
