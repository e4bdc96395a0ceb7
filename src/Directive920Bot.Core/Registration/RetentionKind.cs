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

    /// <summary>Delivery ledger rows in a final state (sent, failed, blocked, skipped) last changed before the period.</summary>
    Ledger,

    /// <summary>Acknowledgements made before the period (the report counters counted them when they were made).</summary>
    Acknowledgements,

    /// <summary>Quiz answers given before the period (counted in the report counters when given).</summary>
    Answers,

    /// <summary>Roster entries a later import retired (no longer current), unlinked from anyone, not changed in the period.</summary>
    RetiredRosterEntries,
}
