namespace Directive920Bot.Implementation;

public enum ChangeOutcome
{
    Saved,

    /// <summary>The period is locked: nothing was changed.</summary>
    Locked,

    UnknownRequirement,

    UnknownPeriod,

    /// <summary>A text over <see cref="ImplementationService.MaxText"/> characters, or a link that is not http(s).</summary>
    Invalid,
}
