namespace Directive920Bot.Channels;

/// <summary>
/// One numbered choice offered as a typed reply on a channel without buttons (Zalo): what typing its number or its
/// words stands for — a button's callback key, or an option of a quiz question sent in place of a poll.
/// </summary>
/// <param name="Label">The words shown after the number (a button's label, a quiz option).</param>
/// <param name="CallbackKey">The key of the button it replaces; null for a quiz option.</param>
/// <param name="PollId">The id of the quiz it answers (<see cref="SendResult.PollId"/>); null for a button.</param>
/// <param name="Option">The 0-based option of that quiz.</param>
/// <param name="Correct">The quiz option is the right one (the adapter tells the person, as a quiz poll would).</param>
/// <param name="MessageId">The message that offered it (a press names it; an edit of that message replaces its choices).</param>
/// <param name="Explanation">A quiz's explanation, shown after the answer as a quiz poll shows it.</param>
/// <param name="Taken">This quiz option was the person's answer (a repeated answer changes nothing).</param>
public sealed record OfferedChoice(
    string Label,
    string? CallbackKey = null,
    string? PollId = null,
    int Option = 0,
    bool Correct = false,
    int? MessageId = null,
    string? Explanation = null,
    bool Taken = false);
