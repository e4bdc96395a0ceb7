using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Engagement;

/// <summary>Quiz answers (the first per delivery and question), the questions sent, and ticks not yet submitted.</summary>
public interface IQuizAnswers
{
    /// <summary>Stores the first answer and drops its pending selection; a later one returns the stored answer and false.</summary>
    (QuizAnswer Stored, bool Created) Add(ITransaction tx, QuizAnswer answer);

    QuizAnswer? Find(string deliveryId, string questionId);

    /// <summary>Answers given before <paramref name="cutoff"/> (retention).</summary>
    int CountBefore(DateTime cutoff);

    int DeleteBefore(ITransaction tx, DateTime cutoff);

    IReadOnlyList<QuizAnswer> ForSubscriber(long subscriberId);

    IReadOnlyList<QuizAnswer> ForDelivery(string deliveryId);

    /// <summary>Every answer to one question of one item (<c>itemId</c>, <c>questionId</c>).</summary>
    IReadOnlyList<QuizAnswer> ForQuestion(string itemId, string questionId);

    IReadOnlyList<QuizAnswer> ForItem(string itemId);

    IReadOnlyList<QuizAnswer> ForUnits(IReadOnlyCollection<string> unitCodes);

    QuizQuestionSent? FindSent(string deliveryId, string questionId);

    /// <summary>The question a native quiz poll asked (poll answers carry only the poll id).</summary>
    QuizQuestionSent? FindPoll(string pollId);

    IReadOnlyList<QuizQuestionSent> SentForDelivery(string deliveryId);

    void RecordSent(ITransaction tx, QuizQuestionSent sent);

    /// <summary>The person's questions whose vote was held (<see cref="QuizQuestionSent.HeldAt"/>), to be asked again.</summary>
    IReadOnlyList<QuizQuestionSent> HeldFor(long subscriberId);

    /// <summary>The options ticked so far (empty when none is stored).</summary>
    QuizSelection Selection(string deliveryId, string questionId);

    void SaveSelection(ITransaction tx, QuizSelection selection);

    /// <summary>Answers move to their delivery's pseudonym (and its relinked id); sent questions and selections are deleted.</summary>
    void EraseSubscriber(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms);
}
