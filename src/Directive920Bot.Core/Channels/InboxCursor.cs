namespace Directive920Bot.Channels;

/// <summary>Where a channel's polling goes on from (the next offset) and the update ids it accepted lately (for deduplication).</summary>
public sealed record InboxCursor(int Offset, IReadOnlyList<SeenRange> Seen);
