namespace Directive920Bot.Channels;

/// <summary>Update ids <see cref="From"/>…<see cref="To"/> (inclusive) were accepted; the last of them at <see cref="LastSeenAt"/>.</summary>
public sealed record SeenRange(int From, int To, DateTime LastSeenAt)
{
    public bool Contains(int id) => id >= From && id <= To;
}
