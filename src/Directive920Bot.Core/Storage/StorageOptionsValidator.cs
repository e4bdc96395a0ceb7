using Microsoft.Extensions.Options;

namespace Directive920Bot.Storage;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            return ValidateOptionsResult.Fail("Storage:DatabasePath must name a file, was empty.");
        }

        if (options.DatabasePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || options.DatabasePath.EndsWith('/'))
        {
            return ValidateOptionsResult.Fail($"Storage:DatabasePath must be a file path, was '{options.DatabasePath}'.");
        }

        return ValidateOptionsResult.Success;
    }
}
