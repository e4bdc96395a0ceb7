namespace Directive920Bot.Hosting;

/// <summary>
/// The two clocks of the service, registered as keyed <see cref="TimeProvider"/>s and never read any other way.
/// <list type="bullet">
/// <item><see cref="Business"/>: what users see and rules decide — when a lesson is due, quiet hours, working days,
/// reminders, escalations, report periods, campaign send times, key expiry, audit times. <see cref="BotClock"/> wraps it
/// with the zone. Tests pin it with a fake; the sandbox moves it forward.</item>
/// <item><see cref="Transport"/>: how the process talks to the world — pacing, <c>retry_after</c> waits, back-off,
/// poll and idle timeouts, health of the Telegram connection, and when Quartz wakes the jobs. It always runs, even while
/// the business clock is pinned or jumps. The unkeyed <see cref="TimeProvider"/> is this one, for libraries (Quartz).</item>
/// </list>
/// </summary>
public static class Clocks
{
    public const string Business = "business";

    public const string Transport = "transport";
}
