namespace Directive920Bot.Telegram;

/// <summary>
/// The pause between tries of an interactive reply after a server error or a network failure: doubling from
/// <see cref="Base"/>, no jitter (replies are few, so tries of many chats do not line up). Timed on the transport clock
/// (<see cref="Hosting.Clocks.Transport"/>), not the business clock that tests move by hand.
/// </summary>
public sealed class ReplyBackoff([FromKeyedServices(Hosting.Clocks.Transport)] TimeProvider time)
{
    public static readonly TimeSpan Base = TimeSpan.FromMilliseconds(250);

    public TimeProvider Time { get; } = time;

    /// <summary>The wait after the <paramref name="failedAttempts"/>-th failed try: 250 ms, 500 ms, 1 s…</summary>
    public static TimeSpan Delay(int failedAttempts) => Base * Math.Pow(2, Math.Max(0, failedAttempts - 1));
}
