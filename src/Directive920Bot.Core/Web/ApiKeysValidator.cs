using System.Globalization;
using Directive920Bot.Admin;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Web;

internal sealed class ApiKeysValidator(IConfiguration configuration) : IValidateOptions<ApiKeysCheck>
{
    public ValidateOptionsResult Validate(string? name, ApiKeysCheck options)
    {
        var failures = new List<string>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in configuration.GetSection(ApiKeyStore.Section).GetChildren())
        {
            var prefix = $"{ApiKeyStore.Section}:{child.Key}";
            byte[]? hash = null;
            if (!string.IsNullOrEmpty(child.Value))
            {
                hash = CheckKey(prefix, child.Value, failures);
            }
            else
            {
                var key = child["Key"];
                var keyHash = child["KeyHash"];
                if (!string.IsNullOrEmpty(key) && !string.IsNullOrEmpty(keyHash))
                {
                    failures.Add($"{prefix} must have Key or KeyHash, not both.");
                }
                else if (!string.IsNullOrEmpty(key))
                {
                    hash = CheckKey(prefix + ":Key", key, failures);
                }
                else if (!string.IsNullOrEmpty(keyHash))
                {
                    hash = ApiKeyStore.ParseHash(keyHash);
                    if (hash is null)
                    {
                        failures.Add($"{prefix}:KeyHash must be the SHA-256 of the key as 64 hex digits or base64, was {keyHash.Length} characters.");
                    }
                }
                else
                {
                    failures.Add($"{prefix}:Key must be set (or {prefix}:KeyHash), was empty.");
                }

                CheckRole(prefix, child, failures);
            }

            if (hash is not null)
            {
                var text = Convert.ToHexString(hash);
                if (seen.TryGetValue(text, out var other))
                {
                    failures.Add($"{prefix} is the same key as {ApiKeyStore.Section}:{other}; every key must be different.");
                }
                else
                {
                    seen[text] = child.Key;
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static byte[]? CheckKey(string configKey, string key, List<string> failures)
    {
        if (!ApiKeyStore.IsStrong(key))
        {
            // Only the length is told: the key itself is never echoed.
            failures.Add($"{configKey} must hold at least {ApiKeyStore.MinimumKeyBytes} random bytes (e.g. 'openssl rand -base64 32'), was {key.Length} characters that do not.");
            return ApiKeyStore.Hash(key);
        }

        return ApiKeyStore.Hash(key);
    }

    private static void CheckRole(string prefix, IConfigurationSection child, List<string> failures)
    {
        var role = child["Role"];
        var parsed = AdminRole.BlocAdmin;
        if (role is not null && (!Enum.TryParse(role, ignoreCase: true, out parsed) || parsed == AdminRole.Cadre))
        {
            failures.Add($"{prefix}:Role must be BlocAdmin or UnitAdmin, was '{role}'.");
        }
        else if (parsed == AdminRole.UnitAdmin && child["UserId"] is null && !child.GetSection("Units").GetChildren().Any())
        {
            failures.Add($"{prefix}:Units must list at least one unit code for a UnitAdmin key, was empty.");
        }

        var userId = child["UserId"];
        if (userId is not null && !long.TryParse(userId, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            failures.Add($"{prefix}:UserId must be a Telegram user id, was '{userId}'.");
        }
    }
}
