namespace Directive920Bot.Registration;

public sealed class Subscriber
{
    /// <summary>
    /// The person id (<see cref="Channels.PersonIds"/>): a Telegram user's own id, or one the person directory allocated.
    /// Where to reach the person is not stored here: their channel addresses (<see cref="Channels.IPersonDirectory"/>)
    /// are the one source, so a second channel or a changed preference needs no copy kept in step.
    /// </summary>
    public long Id { get; set; }

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

    /// <summary>The channels the person uses, as stored (None on records older than it; see <see cref="ChannelsInUse"/>).</summary>
    public ChannelUse Channels { get; set; }

    /// <summary>The channels the person uses: as stored, or for an older record derived from the id.</summary>
    public ChannelUse ChannelsInUse => ChannelUses.Effective(Channels, Id);

    public bool IsRegistered => RegisteredAt is not null;

    /// <summary>Registered, subscribed and reachable: pushes may be sent.</summary>
    public bool IsReachable => IsRegistered && Status == SubscriberStatus.Active;

    public bool IsLeader => Role == CadreRole.Leader;
}
