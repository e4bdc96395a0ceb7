namespace Directive920Bot.Channels;

/// <summary>
/// Invite links when no channel that has them runs (a Zalo-only deployment: Zalo bots take no start parameter): none,
/// so the QR handlers say they cannot make one.
/// </summary>
public sealed class NoInviteLinks : IInviteLinks
{
    public Task<Uri?> LinkAsync(string startParameter, CancellationToken ct) => Task.FromResult<Uri?>(null);
}
