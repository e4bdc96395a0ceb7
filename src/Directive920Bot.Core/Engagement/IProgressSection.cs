namespace Directive920Bot.Engagement;

/// <summary>A part another feature adds to a cadre's <c>/progress</c> (the implementation feature: their commitments).</summary>
public interface IProgressSection
{
    /// <summary>HTML for the person, or null when the feature has nothing for them.</summary>
    string? Html(long personId, string language);
}
