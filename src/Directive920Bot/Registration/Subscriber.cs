namespace Directive920Bot.Registration;

public enum SubscriberStatus
{
    /// <summary>Consented, registration not finished: never counted in reports, never sent pushes.</summary>
    Registering,
    Active,
    /// <summary>Asked for no more pushes (/stop); kept for reports until deletion.</summary>
    Stopped,
    /// <summary>Blocked the bot or the chat is gone; a later unblock makes them active again.</summary>
    Blocked,
}

public enum CadreRole
{
    /// <summary>lãnh đạo: a leader of an agency, unit or party committee.</summary>
    Leader,
    /// <summary>cán bộ, công chức, viên chức.</summary>
    Staff,
}

public sealed class Subscriber
{
    /// <summary>The Telegram user id.</summary>
    public long Id { get; set; }

    public long ChatId { get; set; }

    public string Language { get; set; } = "vi";

    public SubscriberStatus Status { get; set; } = SubscriberStatus.Registering;

    /// <summary>/pause: no lesson pushes until /resume; replies still work.</summary>
    public bool Paused { get; set; }

    public string? FullName { get; set; }

    public string? UnitCode { get; set; }

    public CadreRole? Role { get; set; }

    public DateTime ConsentAt { get; set; }

    public string ConsentVersion { get; set; } = "";

    public DateTime? RegisteredAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The dialogue step the next text belongs to, e.g. <c>reg.name</c>; null when none.</summary>
    public string? Conversation { get; set; }

    public RegistrationDraft? Draft { get; set; }

    /// <summary>The roster entry this cadre was matched to, when the unit imported a roster.</summary>
    public int? RosterEntryId { get; set; }

    /// <summary>Local hour at which drip lessons arrive; null means the curriculum's hour.</summary>
    public int? PreferredHour { get; set; }

    public bool IsRegistered => RegisteredAt is not null;

    /// <summary>Registered, subscribed and reachable: pushes may be sent.</summary>
    public bool IsReachable => IsRegistered && Status == SubscriberStatus.Active;

    public bool IsLeader => Role == CadreRole.Leader;
}

/// <summary>Answers collected during registration or an edit, before they are confirmed.</summary>
public sealed class RegistrationDraft
{
    public string? FullName { get; set; }

    public string? UnitCode { get; set; }

    public CadreRole? Role { get; set; }

    /// <summary>Unit fixed by the invite code the cadre started with.</summary>
    public string? InviteUnitCode { get; set; }

    /// <summary>The personal roster invite (start=p_CODE) the cadre started with: links the registration exactly.</summary>
    public string? RosterInviteCode { get; set; }

    /// <summary>True when editing a registered profile: each change is saved at once.</summary>
    public bool EditingProfile { get; set; }
}

/// <summary>What remains of a subscriber who asked for deletion: enough for anonymous counts, nothing personal.</summary>
public sealed class ErasedSubscriber
{
    /// <summary>A random negative pseudonym that replaced the Telegram id in other collections.</summary>
    public long Id { get; set; }

    public string? UnitCode { get; set; }

    public CadreRole? Role { get; set; }

    public DateTime? RegisteredAt { get; set; }

    public DateTime ErasedAt { get; set; }
}
