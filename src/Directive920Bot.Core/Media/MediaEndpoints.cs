using Microsoft.AspNetCore.Http.HttpResults;

namespace Directive920Bot.Media;

/// <summary>
/// <c>GET /media/{token}</c>: the image of a live link, anonymous by design (the platform that fetches it has no
/// credentials; the 256-bit token is the capability). An unknown, malformed or expired token gets the very same 404, so
/// the answer tells nothing about which tokens ever existed; there is no listing. Nothing is cached by shared caches,
/// the type is never sniffed, and no referrer carries the address on.
/// </summary>
internal static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(MediaLinkService.Path).AllowAnonymous();
        group.MapGet("/{token}", Results<FileContentHttpResult, NotFound> (HttpContext http, string token, MediaLinkService media) =>
        {
            var headers = http.Response.Headers;
            headers.CacheControl = "private";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["X-Robots-Tag"] = "noindex";
            return media.Open(token) is { } link
                ? TypedResults.File(link.Content, link.ContentType)
                : TypedResults.NotFound();
        });
        return app;
    }
}
