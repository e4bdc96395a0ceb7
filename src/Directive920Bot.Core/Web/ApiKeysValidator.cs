using System.Globalization;
using Directive920Bot.Admin;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Web;

internal sealed class ApiKeysValidator(IConfiguration configuration) : IValidateOptions<ApiKeysCheck>
{
    public ValidateOptionsResult Validate(string? name, ApiKeysCheck options)
    {
        var failures = new List<string>();
        foreach (var child in configuration.GetSection(ApiKeyStore.Section).GetChildren().Where(c => string.IsNullOrEmpty(c.Value)))
        {
            var prefix = $"{ApiKeyStore.Section}:{child.Key}";
            if (string.IsNullOrEmpty(child["Key"]))
            {
                failures.Add($"{prefix}:Key must be set, was empty.");
            }

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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
