namespace Directive920Bot.Engagement;

/// <summary>Transitional: the reports still name this type; they move to <see cref="IFeedback"/> with their rewrite, and then this goes.</summary>
public sealed class FeedbackStore(IFeedback feedback)
{
    public IReadOnlyList<Feedback> All() => feedback.All();

    public IReadOnlyList<Feedback> NamedFromUnits(IReadOnlyCollection<string> unitCodes) => feedback.NamedFromUnits(unitCodes);
}
