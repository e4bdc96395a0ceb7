namespace Directive920Bot.Registration;

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
