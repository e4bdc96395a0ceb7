using Microsoft.Extensions.Options;

namespace Directive920Bot.Registration;

/// <summary>Outside Production an unset controller or contact gets the marked demo value, so Development and tests run.</summary>
public sealed class PrivacyOptionsSetup(IHostEnvironment environment) : IPostConfigureOptions<PrivacyOptions>
{
    public void PostConfigure(string? name, PrivacyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!environment.IsProduction())
        {
            options.UseDemoValuesWhereUnset();
        }
    }
}
