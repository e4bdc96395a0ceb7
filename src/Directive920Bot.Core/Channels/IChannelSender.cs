namespace Directive920Bot.Channels;

/// <summary>
/// Everything features send, in domain terms: a person id (<see cref="PersonIds"/>, never a channel's chat id), an
/// <see cref="OutboundMessage"/>, a <see cref="SendResult"/>. The adapter resolves the person to its own address through
/// the <see cref="IPersonDirectory"/> and says in <see cref="SendResult.Channel"/> which channel it used.
/// The channel adapter implements it (the Telegram one in <c>Telegram/</c>) and owns what a channel needs to keep its
/// promises: waiting on the <see cref="IOutboundGate"/> before every request, the back-off between tries of a reply,
/// honouring a 429, not re-sending an edit that changes nothing. Features never learn which channel they talk to.
/// </summary>
/// <remarks>
/// <c>Try…</c> methods make one attempt and return the raw outcome, so that the caller (the delivery ledger) decides
/// what a failure means; the others are interactive: they go ahead of broadcasts, are retried on transient failures
/// and log a failure that remains.
/// </remarks>
public interface IChannelSender
{
    /// <summary>One attempt at a new message, after the gate. A 429 penalises the gate before it returns.</summary>
    Task<SendResult> TrySendAsync(long personId, OutboundMessage message, SendPriority priority, CancellationToken ct);

    /// <summary>A reply to a person's own action: sent ahead of broadcasts and retried on transient failures.</summary>
    Task<SendResult> ReplyAsync(long personId, OutboundMessage message, CancellationToken ct);

    /// <summary>
    /// Replaces the text and buttons of a message the bot sent, retried like a reply. An edit to what the message
    /// already shows succeeds without a request (a double tap must not fail).
    /// </summary>
    Task<SendResult> EditAsync(long personId, int messageId, OutboundMessage message, CancellationToken ct);

    /// <summary>Replaces only the buttons of a message (null or empty: removes them); the text stays. Retried like a reply.</summary>
    Task<SendResult> EditButtonsAsync(long personId, int messageId, IReadOnlyList<IReadOnlyList<OutboundButton>>? buttons, CancellationToken ct);

    /// <summary>
    /// Answers a button press (stops the client's spinner, shows <see cref="CallbackReply.Text"/>). Only the adapter's
    /// router calls it, exactly once per press: handlers return a <see cref="CallbackReply"/> instead. A late or failed
    /// answer is logged and otherwise ignored.
    /// </summary>
    /// <param name="pressId">The channel's id of the press (Telegram: the callback query id).</param>
    Task AnswerButtonAsync(string pressId, CallbackReply reply, CancellationToken ct);

    /// <summary>One attempt at a photo (a chart) with an optional HTML caption.</summary>
    Task<SendResult> TrySendPhotoAsync(long personId, OutboundFile file, SendPriority priority, CancellationToken ct);

    /// <summary>One attempt at a document (an export) with an optional HTML caption.</summary>
    Task<SendResult> TrySendDocumentAsync(long personId, OutboundFile file, SendPriority priority, CancellationToken ct);

    /// <summary>
    /// One attempt at a native quiz poll, not anonymous, so that each answer comes back as an
    /// <see cref="InboundQuizAnswer"/> carrying <see cref="SendResult.PollId"/>.
    /// </summary>
    Task<SendResult> TrySendQuizPollAsync(long personId, string question, IReadOnlyList<string> options, int correctOption,
        string? explanation, SendPriority priority, CancellationToken ct);
}
