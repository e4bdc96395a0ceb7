using Microsoft.Extensions.Options;

namespace Directive920Bot.Storage;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!string.Equals(options.Provider, StorageOptions.LiteDb, StringComparison.OrdinalIgnoreCase) && !options.IsPostgres)
        {
            return ValidateOptionsResult.Fail($"Storage:Provider must be LiteDb or Postgres, was '{options.Provider}'.");
        }

        if (options.IsPostgres)
        {
            // The connection string itself is checked by the PostgreSQL provider, which can parse it (and never echoes it).
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? ValidateOptionsResult.Fail("Storage:ConnectionString must be set when Storage:Provider is Postgres (e.g. Host=db.example.vn;Database=directive920;Username=bot).")
                : ValidateOptionsResult.Success;
        }

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
