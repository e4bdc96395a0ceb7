namespace Directive920Bot.Reliability.Infrastructure;

/// <summary>
/// CI runs the short variants; <c>D920_RELIABILITY_LONG=1</c> runs the long ones (more kills, more updates). Every
/// random choice of the suite comes from a generator seeded here, so a failure repeats with the same numbers.
/// </summary>
public static class ReliabilitySwitch
{
    public const int Seed = 920_15;

    public static bool LongRun { get; } = Environment.GetEnvironmentVariable("D920_RELIABILITY_LONG") == "1";

    /// <summary>Short in CI, long behind the switch.</summary>
    public static int Pick(int ci, int longRun) => LongRun ? longRun : ci;
}
