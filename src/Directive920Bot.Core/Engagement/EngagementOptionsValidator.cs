using Microsoft.Extensions.Options;

namespace Directive920Bot.Engagement;

internal sealed class EngagementOptionsValidator : IValidateOptions<EngagementOptions>
{
    public ValidateOptionsResult Validate(string? name, EngagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.TickSeconds is < 0 or > 3600
            ? ValidateOptionsResult.Fail($"{EngagementOptions.Section}:TickSeconds must be between 0 and 3600, was {options.TickSeconds}.")
            : ValidateOptionsResult.Success;
    }
}
