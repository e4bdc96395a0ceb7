namespace Directive920Bot.Implementation;

/// <summary>The typed fields of a report.</summary>
public enum ImplementationField
{
    Actions,
    Results,
    Difficulties,
    Proposals,
    EvidenceLink,
}
