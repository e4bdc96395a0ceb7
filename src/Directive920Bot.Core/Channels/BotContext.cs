using Directive920Bot.Admin;
using Directive920Bot.Localization;
using Directive920Bot.Registration;

namespace Directive920Bot.Channels;

/// <summary>Who is acting, in which chat and language, and the means to answer them.</summary>
public sealed class BotContext(long userId, long chatId, string language, Subscriber? subscriber, AccessGrant access, IChannelSender sender)
{
    public long UserId { get; } = userId;

    public long ChatId { get; } = chatId;

    public string Language { get; set; } = language;

    /// <summary>The stored subscriber, or null before consent.</summary>
    public Subscriber? Subscriber { get; set; } = subscriber;

    public AccessGrant Access { get; } = access;

    /// <summary>The channel the person wrote on: replies, edits in place, photos, documents and quiz polls go back through it.</summary>
    public IChannelSender Sender { get; } = sender;

    public bool IsRegistered => Subscriber?.IsRegistered == true;

    public string T(Loc text) => text.For(Language);

    public Task<SendResult> ReplyAsync(string html, CancellationToken ct) => Sender.ReplyAsync(ChatId, new OutboundMessage(html), ct);

    public Task<SendResult> ReplyAsync(OutboundMessage message, CancellationToken ct) => Sender.ReplyAsync(ChatId, message, ct);

    public Task<SendResult> ReplyAsync(Loc text, CancellationToken ct) => ReplyAsync(T(text), ct);
}
