using Microsoft.Extensions.Options;

namespace Directive920Bot.Registration;

/// <summary>Every retention period must parse: a typo would otherwise keep data forever, or purge it at once.</summary>
public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Enum.GetValues<RetentionKind>()
            .Where(kind => !RetentionOptions.TryParse(options.Raw(kind), out _))
            .Select(kind => $"Retention:{kind} must be an ISO 8601 duration (P30D) or a positive number of days, not '{options.Raw(kind)}'.")
            .ToList();
        if (!RetentionOptions.TryParse(options.RunEvery, out _))
        {
            errors.Add($"Retention:RunEvery must be an ISO 8601 duration (P1D) or a positive number of days, not '{options.RunEvery}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
