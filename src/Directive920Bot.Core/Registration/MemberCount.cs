namespace Directive920Bot.Registration;

/// <summary>A unit's own registered subscribers (not its sub-units'), and of them how many are active, blocked and stopped.</summary>
public sealed record MemberCount(int Registered, int Active, int Blocked, int Stopped);
