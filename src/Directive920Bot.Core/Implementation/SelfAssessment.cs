namespace Directive920Bot.Implementation;

/// <summary>A cadre's own answer to "have you kept this commitment?" at mid-year or year-end.</summary>
public enum SelfAssessment
{
    NotYet = 0,
    Partly = 1,
    Done = 2,
}
