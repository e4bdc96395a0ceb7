namespace Directive920Bot.Engagement;

/// <summary>Transitional: the digest still names this type; it moves to <see cref="IEscalations"/> with the reports' rewrite, and then this goes.</summary>
public sealed class EscalationStore(IEscalations escalations)
{
    public IReadOnlyList<Escalation> OpenForUnits(IReadOnlyCollection<string> unitCodes) => escalations.OpenForUnits(unitCodes);
}
