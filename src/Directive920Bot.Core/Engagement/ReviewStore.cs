namespace Directive920Bot.Engagement;

/// <summary>Transitional: the unit report still reads the review collection directly; it goes with the reports' rewrite. Use <see cref="IReviews"/>.</summary>
public static class ReviewStore
{
    /// <summary>The provider's collection (LiteDbReviews.CollectionName).</summary>
    public const string CollectionName = "eng_review";
}
