namespace Directive920Bot.Emulator;

/// <summary>Start-up settings of a <see cref="BotApiEmulator"/>.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Deliberately not shaped like a real token so it can never be mistaken for one.</summary>
    public const string DefaultToken = "4242:emulator-token";

    public string Token { get; set; } = DefaultToken;

    public string BotUsername { get; set; } = "directive920_emulator_bot";

    public string BotFirstName { get; set; } = "Directive920Bot";

    /// <summary>0 binds an ephemeral port on 127.0.0.1.</summary>
    public int Port { get; set; }

    /// <summary>Clock for message dates, call timestamps and rate-limit windows.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Delay added to every Bot API request.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Default timeout of <see cref="BotApiEmulator.WaitForBotMessageAsync"/> and <see cref="BotApiEmulator.WaitUntilAsync"/>.</summary>
    public TimeSpan DefaultWaitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait before a webhook delivery that failed is tried again; it doubles up to <see cref="WebhookMaxRetryDelay"/>.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan WebhookMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Telegram-like flood limits. Mutable at run time; each request reads the current values.</summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Counted (send*/edit*) requests per sliding second for the whole bot.</summary>
    public int PerBotPerSecond { get; set; } = 30;

    /// <summary>The per-bot limit for sends with <c>allow_paid_broadcast</c> (Telegram: up to 1000 per second, for a fee).</summary>
    public int PaidPerBotPerSecond { get; set; } = 1000;

    /// <summary>Minimum spacing between message-producing sends to one chat.</summary>
    public TimeSpan PerChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>retry_after and penalty length when the per-bot limit is exceeded.</summary>
    public int GlobalRetryAfterSeconds { get; set; } = 3;

    /// <summary>retry_after and penalty length when the per-chat limit is exceeded.</summary>
    public int ChatRetryAfterSeconds { get; set; } = 1;
}
