using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Engagement;

/// <summary>Feedback sent (named or anonymous) and the drafts being written.</summary>
public interface IFeedback
{
    /// <summary>All feedback, newest first.</summary>
    IReadOnlyList<Feedback> All();

    /// <summary>Named feedback from these units, newest first; anonymous feedback has no unit and never matches.</summary>
    IReadOnlyList<Feedback> NamedFromUnits(IReadOnlyCollection<string> unitCodes);

    IReadOnlyList<Feedback> FromSubscriber(long subscriberId);

    /// <summary>One item by its id; null when there is none.</summary>
    Feedback? Find(string id);

    int Count();

    FeedbackDraft? Draft(long subscriberId);

    void SaveDraft(ITransaction tx, FeedbackDraft draft);

    void DeleteDraft(ITransaction tx, long subscriberId);

    /// <summary>Stores the feedback once (its id is the draft's random token) and drops the draft; false when it was stored already.</summary>
    bool Submit(ITransaction tx, Feedback feedback, long subscriberId);

    /// <summary>Stores or replaces feedback that comes from another feature under its own id (a unit's kiến nghị).</summary>
    void Upsert(ITransaction tx, Feedback feedback);

    bool Delete(ITransaction tx, string id);

    /// <summary>Drops the draft and deletes the person's named feedback (text, unit and time); anonymous feedback is no one's.</summary>
    void EraseSubscriber(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms);

    /// <summary>Feedback sent before <paramref name="cutoff"/> (retention).</summary>
    int CountBefore(DateTime cutoff);

    int DeleteBefore(ITransaction tx, DateTime cutoff);
}
