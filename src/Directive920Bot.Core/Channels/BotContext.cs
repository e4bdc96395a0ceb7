using Directive920Bot.Admin;
using Directive920Bot.Localization;
using Directive920Bot.Registration;

namespace Directive920Bot.Channels;

/// <summary>Who is acting (a person id, never a channel's id), in which language, and the means to answer them.</summary>
/// <param name="personId">The person's id (<see cref="PersonIds"/>): the stored one, or the provisional one before consent.</param>
/// <param name="address">The channel address the person wrote from; features store it only at consent (<see cref="IPersonDirectory.Register"/>).</param>
public sealed class BotContext(long personId, ChannelAddress address, string language, Subscriber? subscriber, AccessGrant access, IChannelSender sender)
{
    /// <summary>
    /// The person's id. Changes at most once, at consent, when the directory stores the person under an id that
    /// differs from the provisional one (a sender on a channel other than Telegram).
    /// </summary>
    public long PersonId { get; set; } = personId;

    /// <summary>Where the person wrote from. Features do not read it; registration stores it at consent.</summary>
    public ChannelAddress Address { get; } = address;

    public string Language { get; set; } = language;

    /// <summary>The stored subscriber, or null before consent.</summary>
    public Subscriber? Subscriber { get; set; } = subscriber;

    public AccessGrant Access { get; } = access;

    /// <summary>The channel the person wrote on: replies, edits in place, photos, documents and quiz polls go back through it.</summary>
    public IChannelSender Sender { get; } = sender;

    public bool IsRegistered => Subscriber?.IsRegistered == true;

    public string T(Loc text) => text.For(Language);

    public Task<SendResult> ReplyAsync(string html, CancellationToken ct) => Sender.ReplyAsync(PersonId, new OutboundMessage(html), ct);

    public Task<SendResult> ReplyAsync(OutboundMessage message, CancellationToken ct) => Sender.ReplyAsync(PersonId, message, ct);

    public Task<SendResult> ReplyAsync(Loc text, CancellationToken ct) => ReplyAsync(T(text), ct);
}
