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

    internal static ChunkMember Of(DeliveryRow row) => new()
    {
        S = row.SubscriberId,
        L = row.Language,
        U = row.UnitCode,
        R = row.Role,
        Skip = row.State == DeliveryState.Skipped ? row.LastError : null,
    };
}
