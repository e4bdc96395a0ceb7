using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Directive920Bot.Storage;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Media;

/// <summary>
/// Publishes an image at a short-lived, unguessable address of this service, for channels that take a photo by URL
/// (Zalo's sendPhoto). The address is <c>&lt;Admin:PublicBaseUrl&gt;/media/&lt;token&gt;</c>: 256 random bits, URL-safe,
/// working for <see cref="MediaOptions.LinkLifetime"/> and answered by <see cref="MediaEndpoints"/> without any sign-in —
/// the token is the capability, as a link to a shared document is. Only the token's SHA-256 is stored.
/// </summary>
/// <remarks>
/// Not personal data, by what is published: the unit report's chart (rates per unit or per lesson, no names) and a
/// unit's invite QR code (the bot's link with the unit's invite code). Nothing of a person is published, and a link
/// records no person, so it is no <see cref="Registration.IPersonalDataHolder"/>; a caller that would publish a
/// person's data must add one first. Expired links are deleted by the retention run.
/// </remarks>
public sealed class MediaLinkService(
    IMediaLinks store,
    IStorage storage,
    IOptions<MediaOptions> options,
    [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time)
{
    public const string Path = "/media";

    /// <summary>32 random bytes: 256 bits, 43 characters of base64url.</summary>
    private const int TokenBytes = 32;

    private const int TokenLength = 43;

    /// <summary>Whether images can be published: <c>Admin:PublicBaseUrl</c> is configured.</summary>
    public bool Enabled => BaseOf(options.Value.PublicBaseUrl) is not null;

    /// <summary>
    /// Stores <paramref name="content"/> and returns its public address; null when no public address is configured, or
    /// the bytes are not a PNG or JPEG image, or larger than <see cref="MediaOptions.MaxBytes"/> (the caller sends text).
    /// </summary>
    public async Task<Uri?> PublishAsync(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (BaseOf(options.Value.PublicBaseUrl) is not { } root || ContentTypeOf(content) is not { } contentType || content.Length > options.Value.MaxBytes)
        {
            return null;
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var now = time.GetUtcNow().UtcDateTime;
        var link = new MediaLink { Id = Hash(token), ContentType = contentType, Content = content, CreatedAt = now, ExpiresAt = now + options.Value.LinkLifetime };
        await storage.WriteAsync(tx => store.Add(tx, link));
        return new Uri(root.AbsoluteUri.TrimEnd('/') + Path + "/" + token);
    }

    /// <summary>The image behind <paramref name="token"/> while its link works; null for an unknown, malformed or expired one alike.</summary>
    public MediaLink? Open(string? token)
    {
        if (token is not { Length: TokenLength } || !Base64Url.IsValid(token))
        {
            return null;
        }

        var link = store.Find(Hash(token));
        return link is not null && link.ExpiresAt > time.GetUtcNow().UtcDateTime ? link : null;
    }

    /// <summary>PNG or JPEG by the bytes' own signature; anything else is not published (and never served as something else).</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;

    /// <summary>The configured public address when it is an absolute http(s) one without query or fragment; otherwise null.</summary>
    public static Uri? BaseOf(string? configured) =>
        !string.IsNullOrWhiteSpace(configured) && Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && !string.IsNullOrEmpty(uri.Host)
            ? uri
            : null;

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
