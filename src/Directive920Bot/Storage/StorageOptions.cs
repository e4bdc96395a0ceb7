using Microsoft.Extensions.Options;

namespace Directive920Bot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file. Its directory is created and the file is made readable by the owner only.</summary>
    public string DatabasePath { get; set; } = "data/directive920.db";
}

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
