namespace Directive920Bot.Implementation;

/// <summary>A period a bloc admin locked: its reports are read-only until it is unlocked.</summary>
public sealed class PeriodLock
{
    /// <summary>The period id, e.g. <c>2026-Q4</c>.</summary>
    public string Id { get; set; } = "";

    public DateTime LockedAt { get; set; }

    public string LockedBy { get; set; } = "";
}
