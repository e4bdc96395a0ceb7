namespace Directive920Bot.Questions;

/// <summary>What the search found for a question: up to three passages, best first, and how sure it is.</summary>
/// <param name="Confidence">
/// The share (0–1) of the question's informative words, weighted by rarity, that the best passage contains; below
/// <see cref="NoticeIndex.Threshold"/> the answer is "not in the notice".
/// </param>
public sealed record AskAnswer(IReadOnlyList<Passage> Passages, double Confidence)
{
    public bool Found => Passages.Count > 0;

    public static readonly AskAnswer NotFound = new([], 0);
}
