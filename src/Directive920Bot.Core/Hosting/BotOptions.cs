using Directive920Bot.Localization;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Hosting;

public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>IANA zone in which schedules, quiet hours and working days are computed.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    public string DefaultLanguage { get; set; } = Languages.Vietnamese;

    /// <summary>Telegram user ids that hold the bloc-admin role from the start.</summary>
    public List<long> SuperAdmins { get; set; } = [];
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

        foreach (var id in options.SuperAdmins.Where(id => id <= 0))
        {
            failures.Add($"Bot:SuperAdmins must hold positive Telegram user ids, had '{id}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
