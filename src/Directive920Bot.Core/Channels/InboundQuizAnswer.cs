namespace Directive920Bot.Channels;

/// <summary>A person's answer to a quiz poll the bot sent (the stored record of it is <see cref="Engagement.QuizAnswer"/>).</summary>
/// <param name="PersonId">Who answered: the person id the adapter resolved from the voter's channel address.</param>
/// <param name="PollId">The channel's id of the poll, as recorded when it was sent (<see cref="SendResult.PollId"/>).</param>
/// <param name="OptionIds">The chosen options, 0-based; empty when the answer was retracted.</param>
public sealed record InboundQuizAnswer(long PersonId, string PollId, IReadOnlyList<int> OptionIds);
