using System.Globalization;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Delivery;

public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Global send rate of the bot (interactive replies included); below Telegram's ~30/s.</summary>
    public double MessagesPerSecond { get; set; } = 25;

    /// <summary>Used instead of <see cref="MessagesPerSecond"/> when <see cref="AllowPaidBroadcast"/> is on.</summary>
    public double PaidMessagesPerSecond { get; set; } = 1000;

    /// <summary>For bots with paid broadcasts enabled: raises the rate (Telegram charges Stars beyond 30/s).</summary>
    public bool AllowPaidBroadcast { get; set; }

    /// <summary>At most one message per chat in this interval.</summary>
    public TimeSpan PerChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Replies (and edits) to one chat are spaced by this much too, so a cadre who floods the bot cannot make it break
    /// Telegram's per-chat limit (about one message a second per chat); 0 = replies are not spaced.
    /// </summary>
    public TimeSpan ReplyPerChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// While broadcasts wait, at most this many replies in a row go ahead of them; then one broadcast goes, so replies
    /// take at most this share (n of n+1) of the bot's rate and a broadcast keeps moving during a flood.
    /// </summary>
    public int RepliesAheadOfBroadcast { get; set; } = 2;

    /// <summary>Sends in flight at once.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>5xx/timeouts are retried with back-off until this many attempts, then the row is failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay; doubled for every further attempt (capped at 30 minutes).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Real-time interval of the Quartz tick that expands due campaign occurrences.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Real-time interval of the drip-track pass (the rhythm is daily, a minute is plenty).</summary>
    public TimeSpan TrackInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>An occurrence missed while the service was down still fires when it is at most this late.</summary>
    public TimeSpan GraceWindow { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// An occurrence's first this-many rows are written at once, the rest as chunks of this size that a background
    /// materialiser writes out ahead of the dispatcher (so expanding 100,000 people takes well under a second).
    /// </summary>
    public int ExpansionChunkSize { get; set; } = 1000;

    /// <summary>
    /// On a store shared by several instances (PostgreSQL): how long the dispatcher lease lasts unless its holder renews
    /// it (every third of it). A holder that dies or hangs is replaced within this time; a shorter one hands over sooner
    /// but a database pause of this length makes the holder give the lease up. Unused on the embedded store.
    /// </summary>
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Drip track on/off (campaigns work either way).</summary>
    public bool TrackEnabled { get; set; } = true;

    /// <summary>Overrides of the curriculum's silent period, "HH:mm" local; null = curriculum.yaml.</summary>
    public string? QuietStart { get; set; }

    public string? QuietEnd { get; set; }

    public bool? QuietWeekends { get; set; }

    public bool? QuietHolidays { get; set; }

    public double EffectiveRate => AllowPaidBroadcast ? PaidMessagesPerSecond : MessagesPerSecond;
}

internal sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var failures = new List<string>();
        void Check(bool ok, string key, object? value, string rule)
        {
            if (!ok)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"Delivery:{key} must be {rule}, was {value}."));
            }
        }

        Check(options.MessagesPerSecond is >= 0.1 and <= 1000, nameof(options.MessagesPerSecond), options.MessagesPerSecond, "between 0.1 and 1000");
        Check(options.PaidMessagesPerSecond is >= 0.1 and <= 100_000, nameof(options.PaidMessagesPerSecond), options.PaidMessagesPerSecond, "between 0.1 and 100000");
        Check(options.PerChatInterval >= TimeSpan.Zero && options.PerChatInterval <= TimeSpan.FromMinutes(1), nameof(options.PerChatInterval), options.PerChatInterval, "between 00:00:00 and 00:01:00");
        Check(options.ReplyPerChatInterval >= TimeSpan.Zero && options.ReplyPerChatInterval <= TimeSpan.FromMinutes(1), nameof(options.ReplyPerChatInterval), options.ReplyPerChatInterval, "between 00:00:00 and 00:01:00");
        Check(options.RepliesAheadOfBroadcast is >= 1 and <= 1000, nameof(options.RepliesAheadOfBroadcast), options.RepliesAheadOfBroadcast, "between 1 and 1000");
        Check(options.MaxConcurrency is >= 1 and <= 256, nameof(options.MaxConcurrency), options.MaxConcurrency, "between 1 and 256");
        Check(options.MaxAttempts is >= 1 and <= 100, nameof(options.MaxAttempts), options.MaxAttempts, "between 1 and 100");
        Check(options.RetryBaseDelay > TimeSpan.Zero, nameof(options.RetryBaseDelay), options.RetryBaseDelay, "positive");
        Check(options.TickInterval >= TimeSpan.FromMilliseconds(50), nameof(options.TickInterval), options.TickInterval, "at least 00:00:00.05");
        Check(options.TrackInterval >= TimeSpan.FromMilliseconds(50), nameof(options.TrackInterval), options.TrackInterval, "at least 00:00:00.05");
        Check(options.ExpansionChunkSize is >= 10 and <= 100_000, nameof(options.ExpansionChunkSize), options.ExpansionChunkSize, "between 10 and 100000");
        Check(options.LeaseTime >= TimeSpan.FromSeconds(1) && options.LeaseTime <= TimeSpan.FromMinutes(10), nameof(options.LeaseTime), options.LeaseTime, "between 00:00:01 and 00:10:00");
        Check(options.GraceWindow >= TimeSpan.Zero, nameof(options.GraceWindow), options.GraceWindow, "zero or positive");
        Check(options.QuietStart is null || TimeOnly.TryParse(options.QuietStart, CultureInfo.InvariantCulture, out _), nameof(options.QuietStart), $"'{options.QuietStart}'", "a local time HH:mm");
        Check(options.QuietEnd is null || TimeOnly.TryParse(options.QuietEnd, CultureInfo.InvariantCulture, out _), nameof(options.QuietEnd), $"'{options.QuietEnd}'", "a local time HH:mm");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
