using Directive920Bot.Storage;

namespace Directive920Bot.Questions;

/// <summary>The questions the course could not answer.</summary>
public interface IUnansweredQuestions
{
    /// <summary>Newest first; <paramref name="unitCodes"/> null for every unit, else only questions from those units.</summary>
    IReadOnlyList<UnansweredQuestion> List(IReadOnlyCollection<string>? unitCodes);

    UnansweredQuestion? Find(string id);

    int Count();

    void Save(ITransaction tx, UnansweredQuestion question);
}
