using Microsoft.Extensions.Options;

namespace Directive920Bot.Media;

public static class MediaExtensions
{
    /// <summary>The short-lived media links: options (<c>Media:*</c>, <c>Admin:PublicBaseUrl</c>) and the service.</summary>
    public static IHostApplicationBuilder AddMedia(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.Section)
            .Configure<IConfiguration>((o, configuration) => o.PublicBaseUrl = configuration[MediaOptions.PublicBaseUrlKey])
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MediaOptions>, MediaOptionsValidator>();
        builder.Services.AddSingleton<MediaLinkService>();
        return builder;
    }

    /// <summary><c>GET /media/{token}</c> (see <see cref="MediaEndpoints"/>).</summary>
    public static IEndpointRouteBuilder MapMediaLinks(this IEndpointRouteBuilder app) => app.MapMedia();
}
