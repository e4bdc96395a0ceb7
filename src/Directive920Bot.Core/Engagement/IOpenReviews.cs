namespace Directive920Bot.Engagement;

/// <summary>The review backlog as reports count it.</summary>
public interface IOpenReviews
{
    /// <summary>Per unit, the distinct members with at least one open (unresolved) review question; units without any are absent.</summary>
    IReadOnlyDictionary<string, int> MembersDueByUnit();
}
