namespace Directive920Bot.Engagement;

/// <summary>Transitional: the period report still reads the answers' collection directly; it goes with the reports' rewrite. Use <see cref="IQuizAnswers"/>.</summary>
public static class QuizAnswerStore
{
    /// <summary>The provider's collection (LiteDbQuizAnswers.AnswersCollection).</summary>
    public const string AnswersCollection = "eng_answers";
}
