using Microsoft.Extensions.Options;

namespace Directive920Bot.Sandbox;

internal sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DatabasePath) || options.DatabasePath.EndsWith('/'))
        {
            return ValidateOptionsResult.Fail($"Sandbox:DatabasePath must name a file, was '{options.DatabasePath}'.");
        }

        return ValidateOptionsResult.Success;
    }
}
