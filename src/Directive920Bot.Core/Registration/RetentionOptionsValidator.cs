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
        // A record whose button still works could be made again once purged (an acknowledgement pressed twice, counted
        // twice): records that buttons lead to are kept at least as long as the buttons.
        if (errors.Count == 0)
        {
            var keys = options.Period(RetentionKind.CallbackKeys);
            errors.AddRange(new[] { RetentionKind.Ledger, RetentionKind.Acknowledgements, RetentionKind.Answers }
                .Where(kind => options.Period(kind) < keys)
                .Select(kind => $"Retention:{kind} must be at least Retention:CallbackKeys ('{options.CallbackKeys}'), not '{options.Raw(kind)}': a button would outlive its record."));
        }

        if (!RetentionOptions.TryParse(options.RunEvery, out _))
        {
            errors.Add($"Retention:RunEvery must be an ISO 8601 duration (P1D) or a positive number of days, not '{options.RunEvery}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
