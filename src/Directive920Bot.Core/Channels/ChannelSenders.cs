namespace Directive920Bot.Channels;

/// <summary>
/// The <see cref="IChannelSender"/> features get when more than one channel runs: each call goes to the sender of the
/// person's preferred channel (the first of <see cref="IPersonDirectory.AddressesOf"/>), which each adapter registers
/// as a keyed <see cref="IChannelSender"/> under its channel name. A person with no stored address (a Telegram user
/// before consent) goes to Telegram's. Replies inside a conversation do not come here: the <see cref="BotContext"/>
/// carries the sender of the channel the person wrote on.
/// </summary>
public sealed class ChannelSenders(IServiceProvider services, IPersonDirectory directory) : IChannelSender
{
    /// <summary>The sender that reaches <paramref name="personId"/>.</summary>
    public IChannelSender For(long personId)
    {
        var addresses = directory.AddressesOf(personId);
        var channel = addresses.Count > 0 ? addresses[0].Channel : ChannelAddress.Telegram;
        // Without Telegram (a Zalo-only deployment) the fallback is Zalo's sender.
        return services.GetKeyedService<IChannelSender>(channel)
            ?? services.GetKeyedService<IChannelSender>(ChannelAddress.Telegram)
            ?? services.GetRequiredKeyedService<IChannelSender>(ChannelAddress.Zalo);
    }

    public Task<SendResult> TrySendAsync(long personId, OutboundMessage message, SendPriority priority, CancellationToken ct) =>
        For(personId).TrySendAsync(personId, message, priority, ct);

    public Task<SendResult> ReplyAsync(long personId, OutboundMessage message, CancellationToken ct) =>
        For(personId).ReplyAsync(personId, message, ct);

    public Task<SendResult> EditAsync(long personId, int messageId, OutboundMessage message, CancellationToken ct) =>
        For(personId).EditAsync(personId, messageId, message, ct);

    public Task<SendResult> EditButtonsAsync(long personId, int messageId, IReadOnlyList<IReadOnlyList<OutboundButton>>? buttons, CancellationToken ct) =>
        For(personId).EditButtonsAsync(personId, messageId, buttons, ct);

    /// <summary>Only Telegram has presses to answer.</summary>
    public Task AnswerButtonAsync(string pressId, CallbackReply reply, CancellationToken ct) =>
        services.GetKeyedService<IChannelSender>(ChannelAddress.Telegram)?.AnswerButtonAsync(pressId, reply, ct) ?? Task.CompletedTask;

    public Task<SendResult> TrySendPhotoAsync(long personId, OutboundFile file, SendPriority priority, CancellationToken ct) =>
        For(personId).TrySendPhotoAsync(personId, file, priority, ct);

    public Task<SendResult> TrySendDocumentAsync(long personId, OutboundFile file, SendPriority priority, CancellationToken ct) =>
        For(personId).TrySendDocumentAsync(personId, file, priority, ct);

    public Task<SendResult> TrySendQuizPollAsync(long personId, string question, IReadOnlyList<string> options, int correctOption,
        string? explanation, SendPriority priority, CancellationToken ct) =>
        For(personId).TrySendQuizPollAsync(personId, question, options, correctOption, explanation, priority, ct);
}
