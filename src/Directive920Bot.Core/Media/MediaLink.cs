namespace Directive920Bot.Media;

/// <summary>
/// An image served for a while at <c>&lt;Admin:PublicBaseUrl&gt;/media/&lt;token&gt;</c> (Zalo's sendPhoto takes a URL, not an
/// upload). Stored under the SHA-256 of its token, so whoever reads the database or a backup cannot build the address.
/// It names nobody: what is published is a unit's chart or a unit's invite QR code, never a person's data (see
/// <see cref="MediaLinkService"/>).
/// </summary>
public sealed class MediaLink
{
    /// <summary>The token's SHA-256 in lower-case hex.</summary>
    public string Id { get; set; } = "";

    /// <summary><c>image/png</c> or <c>image/jpeg</c>, from the bytes' own signature.</summary>
    public string ContentType { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    /// <summary>From this instant the address answers 404 and the next retention run deletes the link.</summary>
    public DateTime ExpiresAt { get; set; }
}
