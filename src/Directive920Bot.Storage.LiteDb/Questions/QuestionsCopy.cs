using Directive920Bot.Questions;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Questions;

/// <summary>Questions' section for <c>migrate-store</c>: the questions the course could not answer.</summary>
internal static class QuestionsCopy
{
    public static IEnumerable<StoreSection> Sections(ILiteDatabase lite)
    {
        yield return CopyCollections.Of<UnansweredQuestion>(lite, "unanswered_questions", LiteDbUnansweredQuestions.CollectionName);
    }
}
