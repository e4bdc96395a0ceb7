namespace Directive920Bot.Reports;

/// <summary>An event already counted: makes every counter update idempotent across redelivery and restarts.</summary>
public sealed class CountedEvent
{
    public string Id { get; set; } = "";
}
