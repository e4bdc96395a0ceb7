using Microsoft.Extensions.Options;

namespace Directive920Bot.Registration;

/// <summary>
/// In Production the consent text must name the real controller and contact (Law 91/2025: the person knows who
/// processes their data and how to reach them): unset, blank or a demo value stops the start, naming the key and value.
/// Elsewhere (Development, tests) the marked demo values stand in (<see cref="PrivacyOptionsSetup"/>); the sandbox sets
/// them itself, in any environment.
/// </summary>
public sealed class PrivacyOptionsValidator(IHostEnvironment environment) : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Outside Production, and in the sandbox (which fills the demo values itself, in any environment), demo values stand.
        if (!environment.IsProduction() || options.IsDemo)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        Check(errors, "Privacy:Controller", options.Controller, "the organisation responsible for the personal data (the controller)");
        Check(errors, "Privacy:Contact", options.Contact, "how to reach the controller about personal data (office, phone, e-mail)");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, string key, string? value, string meaning)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Contains(PrivacyOptions.DemoMark, StringComparison.Ordinal))
        {
            errors.Add($"{key} must be set in Production to {meaning}, named in the consent text; was '{value}'.");
        }
    }
}
