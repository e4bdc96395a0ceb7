namespace Directive920Bot.Reports;

/// <summary>What item analysis says of a question once enough cadres answered it.</summary>
public enum QuestionVerdict
{
    None,

    /// <summary>Too few first answers to judge (below the minimum sample).</summary>
    FewAnswers,

    /// <summary>Nearly everyone is right at the first try: the question may give its answer away.</summary>
    TooEasy,

    /// <summary>Most are wrong: the question, a distractor or the lesson may mislead.</summary>
    TooHard,
}
