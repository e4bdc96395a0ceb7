using Directive920Bot.Registration;

namespace Directive920Bot.Admin;

/// <summary>One person a unit says should know the notice, whether or not they ever join the bot.</summary>
public sealed class RosterEntry
{
    public int Id { get; set; }

    /// <summary>unit|folded name|phone digits: how a re-import recognises the same person.</summary>
    public string Key { get; set; } = "";

    public string FullName { get; set; } = "";

    /// <summary>Folded name for matching a registration typed with or without diacritics.</summary>
    public string NameKey { get; set; } = "";

    public string UnitCode { get; set; } = "";

    public CadreRole Role { get; set; }

    public string? Position { get; set; }

    public string? Phone { get; set; }

    /// <summary>Đảng viên (party member), from the optional <c>dang_vien</c> column: party-cell meeting notices go to them.</summary>
    public bool PartyMember { get; set; }

    /// <summary>Personal invite: t.me/bot?start=p_CODE links the registration to this entry exactly.</summary>
    public string InviteCode { get; set; } = "";

    /// <summary>The subscriber linked to this entry; kept across re-imports.</summary>
    public long? SubscriberId { get; set; }

    /// <summary>False once a re-import of the unit no longer lists the person; kept for history and links.</summary>
    public bool Current { get; set; } = true;

    public DateTime UpdatedAt { get; set; }
}
