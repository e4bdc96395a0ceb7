namespace Directive920Bot.Implementation;

public enum CommitmentOutcome
{
    Saved,
    UnknownRequirement,
    TooLong,
    RoundClosed,
}
