using Directive920Bot.Localization;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Hosting;

public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>IANA zone in which schedules, quiet hours and working days are computed.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    public string DefaultLanguage { get; set; } = Languages.Vietnamese;

    /// <summary>
    /// The people who hold the bloc-admin role from the start: person ids (a Telegram user's is their Telegram id) or
    /// addresses <c>zalo:&lt;id&gt;</c> / <c>telegram:&lt;id&gt;</c> (<see cref="Admin.PersonReference"/>).
    /// </summary>
    public List<string> SuperAdmins { get; set; } = [];
}

internal sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        if (!BotClock.TryResolveZone(options.TimeZone, out _))
        {
            failures.Add($"Bot:TimeZone must be an IANA time zone such as Asia/Ho_Chi_Minh, was '{options.TimeZone}'.");
        }

        if (!Languages.IsSupported(options.DefaultLanguage))
        {
            failures.Add($"Bot:DefaultLanguage must be 'vi' or 'en', was '{options.DefaultLanguage}'.");
        }

        for (var i = 0; i < options.SuperAdmins.Count; i++)
        {
            if (!Admin.PersonReference.IsWellFormed(options.SuperAdmins[i]))
            {
                failures.Add($"Bot:SuperAdmins:{i} must be a person id or an address such as zalo:<user id> or telegram:<user id>, was '{options.SuperAdmins[i]}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
