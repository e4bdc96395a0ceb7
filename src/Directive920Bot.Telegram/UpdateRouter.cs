using Directive920Bot.Channels;
using Telegram.Bot.Extensions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Directive920Bot.Telegram;

/// <summary>
/// The Telegram half of inbound routing: it turns Telegram's update into the channel-neutral event a feature handler
/// takes (<see cref="InboundText"/>, a press by callback key, <see cref="InboundQuizAnswer"/>, <see cref="InboundDocument"/>,
/// <see cref="MembershipChange"/>) and the sender's Telegram address into a <see cref="BotContext"/>, and hands both to
/// the Core <see cref="InboundRouter"/>, which every channel shares. What is Telegram's stays here: private chats only,
/// answering every callback query exactly once, the per-person notice as a press's alert.
/// </summary>
public sealed class UpdateRouter(InboundRouter router, Messenger messenger, CallbackAnswers answers)
{
    public IEnumerable<CommandSpec> Commands => router.Commands;

    public Task RouteAsync(Update update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        return update switch
        {
            { Message: { Chat.Type: not ChatType.Private } } => Task.CompletedTask,
            { Message: { Text: { } text } message } when text.StartsWith('/') =>
                router.OnCommandAsync(ContextFor(message.From!), new InboundText(text, message.MessageId), ct),
            { Message: { Document: { } document } message } => router.OnDocumentAsync(ContextFor(message.From!),
                new InboundDocument(document.FileId, document.FileName, document.FileSize, document.MimeType, message.MessageId), ct),
            { Message: { } message } => router.OnTextAsync(ContextFor(message.From!), new InboundText(message.Text ?? "", message.MessageId), ct),
            { CallbackQuery: { } query } => OnCallbackAsync(query, ct),

            // A poll answer without a user is an anonymous vote (voter_chat): nobody to record it for.
            { PollAnswer: { User: { } voter } answer } =>
                router.OnQuizAnswerAsync(new InboundQuizAnswer(PersonOf(voter.Id), answer.PollId, answer.OptionIds), ct),

            // A private chat's id is the person's; the bot's membership of a group says nothing about a person.
            { MyChatMember: { Chat.Type: ChatType.Private } member } when Blocked(member.NewChatMember.Status) is { } blocked =>
                router.OnMembershipAsync(new MembershipChange(PersonOf(member.Chat.Id), blocked), ct),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>Who sent a message or pressed a button in a private chat: the input the per-person limit counts.</summary>
    internal static User? SenderOf(Update update) => update switch
    {
        { Message: { Chat.Type: ChatType.Private, From: { } from } } => from,
        { CallbackQuery: { } query } => query.From,
        _ => null,
    };

    /// <summary>
    /// The one update of a person over the limit that is answered (see <see cref="InputThrottle"/>): the polite notice,
    /// as a reply or as the press's alert. Nothing else of it is handled.
    /// </summary>
    public async Task NoticeAsync(Update update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (SenderOf(update) is not { } person)
        {
            return;
        }

        var context = ContextFor(person);
        if (update.CallbackQuery is { } query)
        {
            await answers.AnswerAsync(query.Id, new CallbackReply(context.T(InboundRouter.TooMuchInput), Alert: true));
        }
        else
        {
            await context.ReplyAsync(InboundRouter.TooMuchInput, ct);
        }
    }

    /// <summary>
    /// Builds the context for a Telegram user: their address resolved to a person id (the stored one, or before consent
    /// the provisional one, which for Telegram is the user id itself: nothing is stored to find it).
    /// </summary>
    public BotContext ContextFor(User from)
    {
        ArgumentNullException.ThrowIfNull(from);
        return router.ContextFor(ChannelAddress.ForTelegram(from.Id), from.LanguageCode, messenger);
    }

    /// <summary>The person a private chat (whose id is the user's) or a voter belongs to.</summary>
    private long PersonOf(long telegramUserId) => router.PersonOf(ChannelAddress.ForTelegram(telegramUserId));

    private async Task OnCallbackAsync(CallbackQuery query, CancellationToken ct)
    {
        var reply = CallbackReply.Silent;
        try
        {
            var context = ContextFor(query.From);
            reply = await router.OnPressAsync(context, query.Data, () =>
            {
                var pressed = query.Message;
                return new ButtonPress(query.Data ?? "", pressed?.MessageId, pressed?.Text, pressed?.ToHtml());
            }, ct);
        }
        finally
        {
            // Every query is answered exactly once, whatever happened (the spinner stops).
            await answers.AnswerAsync(query.Id, reply);
        }
    }

    /// <summary>Kicked or left: blocked; a member again: unblocked; anything else (restricted, admin) is no change.</summary>
    private static bool? Blocked(ChatMemberStatus status) => status switch
    {
        ChatMemberStatus.Kicked or ChatMemberStatus.Left => true,
        ChatMemberStatus.Member => false,
        _ => null,
    };
}
