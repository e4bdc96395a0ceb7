using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Engagement;

/// <summary>Spaced-review items (<see cref="ReviewItem.IdFor"/>) and the weekly review's bookkeeping.</summary>
public interface IReviews
{
    ReviewItem? Find(string id);

    void Save(ITransaction tx, ReviewItem item);

    IReadOnlyList<ReviewItem> OpenFor(long subscriberId);

    IReadOnlyList<ReviewItem> ForSubscriber(long subscriberId);

    /// <summary>Every question still waiting to be answered right, for the weekly review and the reports.</summary>
    IReadOnlyList<ReviewItem> Open();

    IReadOnlyList<ReviewItem> OpenForUnits(IReadOnlyCollection<string> unitCodes);

    /// <summary>The last weekly review slot enqueued (<c>yyyyMMdd</c>, local), or null before the first.</summary>
    string? LastWeeklySlot();

    void SetLastWeeklySlot(ITransaction tx, string slotKey);

    /// <summary>Items move to their question's own pseudonym (re-keyed); no review row waits for them any more.</summary>
    void EraseSubscriber(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms);
}
