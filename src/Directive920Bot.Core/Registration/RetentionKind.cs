namespace Directive920Bot.Registration;

/// <summary>A kind of stored data with its own retention period (<c>Retention:&lt;Kind&gt;</c>).</summary>
public enum RetentionKind
{
    /// <summary>Consent given, registration never finished: erased after the period without activity.</summary>
    AbandonedRegistrations,

    /// <summary>Subscribers who sent /stop and did nothing since: erased (as /delete would) after the period.</summary>
    StoppedSubscribers,

    /// <summary>Subscribers who blocked the bot (or whose chat is gone) and never came back: erased after the period.</summary>
    BlockedSubscribers,

    /// <summary>Feedback, named and anonymous, older than the period.</summary>
    Feedback,

    /// <summary>Audit entries older than the period.</summary>
    Audit,

    /// <summary>Button keys issued before the period, expired or not (an old button then answers "no longer valid").</summary>
    CallbackKeys,
}
