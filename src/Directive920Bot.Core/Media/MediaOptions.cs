namespace Directive920Bot.Media;

/// <summary>The short-lived media links (section <c>Media</c>) and the public address they are served at.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The public address of the service (<c>Admin:PublicBaseUrl</c>, shared with the console's sign-in links).</summary>
    public const string PublicBaseUrlKey = "Admin:PublicBaseUrl";

    public static readonly TimeSpan MinLifetime = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    /// <summary>
    /// How long an image's address works. The platform fetches it when the photo is sent, so a few hours covers its
    /// retries and a cadre reopening the chat soon after, and nothing is served for days.
    /// </summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>
    /// The largest image published: Zalo takes JPG or PNG images of at most 1 MB (a chart is about 50 KB, a QR code
    /// less); a larger one goes as text.
    /// </summary>
    public int MaxBytes { get; set; } = 1024 * 1024;

    /// <summary>Bound from <see cref="PublicBaseUrlKey"/>; unset: images go to Zalo as text.</summary>
    public string? PublicBaseUrl { get; set; }
}
