using Directive920Bot.Admin;
using Directive920Bot.Localization;
using Directive920Bot.Registration;
using Telegram.Bot.Types;

namespace Directive920Bot.Telegram;

/// <summary>Who is acting, in which chat and language, and the means to answer them.</summary>
public sealed class BotContext(long userId, long chatId, string language, Subscriber? subscriber, AccessGrant access, Messenger messenger)
{
    public long UserId { get; } = userId;

    public long ChatId { get; } = chatId;

    public string Language { get; set; } = language;

    /// <summary>The stored subscriber, or null before consent.</summary>
    public Subscriber? Subscriber { get; set; } = subscriber;

    public AccessGrant Access { get; } = access;

    public Messenger Messenger { get; } = messenger;

    public bool IsRegistered => Subscriber?.IsRegistered == true;

    public string T(Loc text) => text.For(Language);

    public Task<SendResult> ReplyAsync(string html, CancellationToken ct) => Messenger.ReplyAsync(ChatId, new OutboundMessage(html), ct);

    public Task<SendResult> ReplyAsync(OutboundMessage message, CancellationToken ct) => Messenger.ReplyAsync(ChatId, message, ct);

    public Task<SendResult> ReplyAsync(Loc text, CancellationToken ct) => ReplyAsync(T(text), ct);
}

/// <summary>Which role a command needs; checked by the router on the server before the handler runs.</summary>
public enum CommandAccess
{
    Anyone,
    Registered,
    UnitAdmin,
    BlocAdmin,
}

public sealed record CommandSpec(string Name, Loc Description, CommandAccess Access = CommandAccess.Anyone, bool InMenu = true, params string[] Aliases);

public interface ICommandHandler
{
    IReadOnlyList<CommandSpec> Commands { get; }

    Task HandleAsync(BotContext context, CommandSpec command, string arguments, Message message, CancellationToken ct);
}

/// <summary>Continues a dialogue: text that is not a command goes to the feature whose step the subscriber is in.</summary>
public interface IConversationHandler
{
    /// <summary>The prefix of <see cref="Subscriber.Conversation"/> this handler owns, e.g. <c>reg</c>.</summary>
    string Prefix { get; }

    Task ContinueAsync(BotContext context, Message message, CancellationToken ct);
}

/// <summary>What the router answers the callback query with; it answers every query exactly once.</summary>
public sealed record CallbackReply(string? Text = null, bool Alert = false)
{
    public static readonly CallbackReply Silent = new();
}

public interface ICallbackHandler
{
    /// <summary>The feature part of <see cref="CallbackKey.Action"/>, e.g. <c>reg</c> for <c>reg.unit</c>.</summary>
    string Feature { get; }

    Task<CallbackReply> HandleAsync(BotContext context, CallbackKey key, CallbackQuery query, CancellationToken ct);
}

public interface IPollAnswerHandler
{
    Task HandleAsync(PollAnswer answer, CancellationToken ct);
}

public interface IMembershipHandler
{
    Task HandleAsync(ChatMemberUpdated update, CancellationToken ct);
}

/// <summary>A document a user sends (a roster file, for instance).</summary>
public interface IDocumentHandler
{
    /// <summary>True when this handler took the document.</summary>
    Task<bool> TryHandleAsync(BotContext context, Message message, CancellationToken ct);
}
