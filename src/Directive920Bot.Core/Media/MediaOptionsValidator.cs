using Microsoft.Extensions.Options;

namespace Directive920Bot.Media;

/// <summary>Refuses a start with a bad <c>Media:*</c> value or <c>Admin:PublicBaseUrl</c>, naming the key and the value.</summary>
internal sealed class MediaOptionsValidator : IValidateOptions<MediaOptions>
{
    public ValidateOptionsResult Validate(string? name, MediaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.LinkLifetime < MediaOptions.MinLifetime || options.LinkLifetime > MediaOptions.MaxLifetime)
        {
            errors.Add($"{MediaOptions.Section}:{nameof(MediaOptions.LinkLifetime)} must be between {MediaOptions.MinLifetime:c} and " +
                $"{MediaOptions.MaxLifetime:c} (a few hours, e.g. 04:00:00), was '{options.LinkLifetime:c}'.");
        }

        if (options.MaxBytes is < 1024 or > 10 * 1024 * 1024)
        {
            errors.Add($"{MediaOptions.Section}:{nameof(MediaOptions.MaxBytes)} must be between 1024 and 10485760 bytes, was '{options.MaxBytes}'.");
        }

        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl) && MediaLinkService.BaseOf(options.PublicBaseUrl) is null)
        {
            errors.Add($"{MediaOptions.PublicBaseUrlKey} must be an absolute http(s) address without query or fragment, such as " +
                $"https://bot.example.vn, was '{options.PublicBaseUrl}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
