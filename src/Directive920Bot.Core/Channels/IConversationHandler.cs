using Directive920Bot.Registration;

namespace Directive920Bot.Channels;

/// <summary>Continues a dialogue: text that is not a command goes to the feature whose step the subscriber is in.</summary>
public interface IConversationHandler
{
    /// <summary>The prefix of <see cref="Subscriber.Conversation"/> this handler owns, e.g. <c>reg</c>.</summary>
    string Prefix { get; }

    Task ContinueAsync(BotContext context, InboundText message, CancellationToken ct);
}
