using Directive920Bot.Registration;

namespace Directive920Bot.Delivery;

/// <summary>The per-person part of a chunked row (short names: a chunk holds thousands of them).</summary>
public sealed class ChunkMember
{
    public long S { get; set; }

    public string L { get; set; } = "vi";

    public string? U { get; set; }

    public CadreRole? R { get; set; }

    /// <summary>Why this row is skipped from the start (not reachable, paused, missed), or null.</summary>
    public string? Skip { get; set; }
}
