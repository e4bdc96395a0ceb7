namespace Directive920Bot.Channels;

/// <summary>
/// The link that opens the bot with a start parameter (a unit's <c>u_CODE</c>, a roster entry's <c>p_CODE</c>), in the
/// channel's own form — on Telegram <c>https://t.me/&lt;bot&gt;?start=u_CODE</c>. Printed as a QR code for meetings.
/// </summary>
public interface IInviteLinks
{
    /// <summary>The link, or null when the channel cannot tell its bot's public name yet (it asks again next time).</summary>
    Task<Uri?> LinkAsync(string startParameter, CancellationToken ct);
}
