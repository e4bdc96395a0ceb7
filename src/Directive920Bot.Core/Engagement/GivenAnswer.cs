namespace Directive920Bot.Engagement;

/// <summary>What a period report reads of a quiz answer (see <see cref="IAnswerHistory"/>).</summary>
public sealed record GivenAnswer(long SubscriberId, string QuestionKey, string ItemId, bool Correct, bool IsReview, string? UnitCode, DateTime AnsweredAt);
