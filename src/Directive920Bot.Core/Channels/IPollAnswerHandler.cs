namespace Directive920Bot.Channels;

/// <summary>Answers to quiz polls; they come without a chat, so without a <see cref="BotContext"/>.</summary>
public interface IPollAnswerHandler
{
    Task HandleAsync(InboundQuizAnswer answer, CancellationToken ct);
}
