namespace Directive920Bot.Admin;

public enum GrantOutcome
{
    Granted,
    AlreadyHeld,
    Revoked,
    NotHeld,
    UnknownUnit,
    UnitRequired,
}
