namespace Directive920Bot.Engagement;

/// <summary>Told when an item is escalated to the unit's non-acknowledgement list.</summary>
public interface IEscalationSink
{
    void OnEscalated(Escalation escalation);
}
