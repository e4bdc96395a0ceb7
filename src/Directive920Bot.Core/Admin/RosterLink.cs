namespace Directive920Bot.Admin;

/// <summary>How a registration is tied to a roster entry.</summary>
public enum RosterLink
{
    None,
    /// <summary>Through the personal invite code: exact.</summary>
    Invite,
    /// <summary>One unlinked entry in the unit with the same name; waits for the cadre or the unit admin to confirm.</summary>
    Suggested,
}
