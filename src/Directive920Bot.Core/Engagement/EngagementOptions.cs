namespace Directive920Bot.Engagement;

public sealed class EngagementOptions
{
    public const string Section = "Engagement";

    /// <summary>Real-time seconds between reminder/review ticks; 0 switches the tick job off (tests drive the services).</summary>
    public int TickSeconds { get; set; } = 30;
}
