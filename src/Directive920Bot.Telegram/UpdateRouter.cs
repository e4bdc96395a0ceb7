using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Localization;
using Directive920Bot.Registration;
using Telegram.Bot.Extensions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Directive920Bot.Telegram;

/// <summary>
/// The one place that decides which feature handles an update. It turns Telegram's update into the channel-neutral
/// event a feature handler takes (<see cref="InboundText"/>, <see cref="ButtonPress"/>, <see cref="InboundQuizAnswer"/>,
/// <see cref="InboundDocument"/>, <see cref="MembershipChange"/>), so that no feature sees a Telegram.Bot type, and the
/// sender's Telegram address into a person id (<see cref="IPersonDirectory"/>), so that no feature sees a Telegram id.
/// Commands are dispatched through one table built once from the handlers' <see cref="CommandSpec"/>s (names and
/// aliases), callbacks by feature, conversations by prefix; <see cref="RouteAsync"/> is the one switch over updates.
/// </summary>
public sealed class UpdateRouter
{
    private static readonly Loc UnknownCommand = new(
        "Bot chưa hiểu lệnh này. Gõ /trogiup để xem các lệnh đồng chí có thể dùng.",
        "The bot does not know that command. Type /help to see the commands you can use.");

    private static readonly Loc NotUnderstood = new(
        "Bot chưa hiểu tin nhắn này. Gõ /trogiup để xem các lệnh đồng chí có thể dùng.",
        "The bot did not understand that message. Type /help to see the commands you can use.");

    private static readonly Loc RegisterFirst = new(
        "Đồng chí cần đăng ký trước khi dùng lệnh này. Gõ /start để bắt đầu.",
        "Please register before using this command. Type /start to begin.");

    private static readonly Loc StaleButton = new(
        "Nút này đã hết hiệu lực. Đồng chí vui lòng dùng tin nhắn mới nhất hoặc gõ /baihoc để mở lại bài.",
        "This button is no longer valid. Please use the latest message or type /lessons to open the lesson again.");

    private static readonly Loc ForeignButton = new(
        "Nút này không dành cho đồng chí. Đồng chí gõ /baihoc để mở các bài của mình.",
        "This button is not meant for you. Type /lessons to open your own lessons.");

    private static readonly Loc TooMuchInput = new(
        "Đồng chí đang gửi quá nhiều tin nhắn trong thời gian ngắn. Các tin nhắn tiếp theo tạm thời sẽ không được xử lý; đồng chí vui lòng đợi ít phút rồi gửi lại.",
        "You are sending too many messages in a short time. Further messages will not be handled for a while; please wait a few minutes and send again.");

    private static readonly Loc SomethingWrong = new(
        "Đã có lỗi khi xử lý. Đồng chí vui lòng thử lại sau ít phút; nếu vẫn lỗi, đồng chí báo quản trị viên của đơn vị.",
        "Something went wrong. Please try again in a few minutes; if it keeps failing, tell your unit's administrator.");

    private readonly Dictionary<string, (CommandSpec Spec, ICommandHandler Handler)> commands = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ICallbackHandler> callbacks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IConversationHandler> conversations = new(StringComparer.Ordinal);
    private readonly IEnumerable<IPollAnswerHandler> pollHandlers;
    private readonly IEnumerable<IMembershipHandler> membershipHandlers;
    private readonly IEnumerable<IDocumentHandler> documentHandlers;
    private readonly IEnumerable<IFreeTextHandler> freeTextHandlers;
    private readonly IEnumerable<IInboundGate> gates;
    private readonly ISubscribers subscribers;
    private readonly IPersonDirectory directory;
    private readonly CallbackKeyStore keys;
    private readonly IAccessPolicy access;
    private readonly Messenger messenger;
    private readonly CallbackAnswers answers;
    private readonly ILogger<UpdateRouter> log;

    public UpdateRouter(
        IEnumerable<ICommandHandler> commandHandlers,
        IEnumerable<ICallbackHandler> callbackHandlers,
        IEnumerable<IConversationHandler> conversationHandlers,
        IEnumerable<IPollAnswerHandler> pollHandlers,
        IEnumerable<IMembershipHandler> membershipHandlers,
        IEnumerable<IDocumentHandler> documentHandlers,
        IEnumerable<IFreeTextHandler> freeTextHandlers,
        IEnumerable<IInboundGate> gates,
        ISubscribers subscribers,
        IPersonDirectory directory,
        CallbackKeyStore keys,
        IAccessPolicy access,
        Messenger messenger,
        CallbackAnswers answers,
        ILogger<UpdateRouter> log)
    {
        ArgumentNullException.ThrowIfNull(commandHandlers);
        ArgumentNullException.ThrowIfNull(callbackHandlers);
        ArgumentNullException.ThrowIfNull(conversationHandlers);
        foreach (var handler in commandHandlers)
        {
            foreach (var spec in handler.Commands)
            {
                foreach (var name in spec.Aliases.Prepend(spec.Name))
                {
                    commands.Add(name, (spec, handler));
                }
            }
        }

        foreach (var handler in callbackHandlers)
        {
            callbacks.Add(handler.Feature, handler);
        }

        foreach (var handler in conversationHandlers)
        {
            conversations.Add(handler.Prefix, handler);
        }

        this.pollHandlers = pollHandlers;
        this.membershipHandlers = membershipHandlers;
        this.documentHandlers = documentHandlers;
        this.freeTextHandlers = freeTextHandlers;
        this.gates = gates;
        this.subscribers = subscribers;
        this.directory = directory;
        this.keys = keys;
        this.access = access;
        this.messenger = messenger;
        this.answers = answers;
        this.log = log;
    }

    public IEnumerable<CommandSpec> Commands => commands.Values.Select(c => c.Spec).Distinct();

    public Task RouteAsync(Update update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        return update switch
        {
            { Message: { Chat.Type: not ChatType.Private } } => Task.CompletedTask,
            { Message: { Text: { } text } message } when text.StartsWith('/') => OnCommandAsync(message, new InboundText(text, message.MessageId), ct),
            { Message: { Document: { } document } message } => OnDocumentAsync(message,
                new InboundDocument(document.FileId, document.FileName, document.FileSize, document.MimeType, message.MessageId), ct),
            { Message: { } message } => OnMessageAsync(message, new InboundText(message.Text ?? "", message.MessageId), ct),
            { CallbackQuery: { } query } => OnCallbackAsync(query, ct),

            // A poll answer without a user is an anonymous vote (voter_chat): nobody to record it for.
            { PollAnswer: { User: { } voter } answer } => Task.WhenAll(pollHandlers.Select(h => h.HandleAsync(new InboundQuizAnswer(PersonOf(voter.Id), answer.PollId, answer.OptionIds), ct))),

            // A private chat's id is the person's; the bot's membership of a group says nothing about a person.
            { MyChatMember: { Chat.Type: ChatType.Private } member } when Blocked(member.NewChatMember.Status) is { } blocked =>
                Task.WhenAll(membershipHandlers.Select(h => h.HandleAsync(new MembershipChange(PersonOf(member.Chat.Id), blocked), ct))),
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
            await answers.AnswerAsync(query.Id, new CallbackReply(context.T(TooMuchInput), Alert: true));
        }
        else
        {
            await context.ReplyAsync(TooMuchInput, ct);
        }
    }

    /// <summary>
    /// Builds the context for a Telegram user: their address resolved to a person id (the stored one, or before consent
    /// the provisional one, which for Telegram is the user id itself: nothing is stored to find it).
    /// </summary>
    public BotContext ContextFor(User from)
    {
        ArgumentNullException.ThrowIfNull(from);
        var address = ChannelAddress.ForTelegram(from.Id);
        var personId = directory.PersonFor(address);
        var subscriber = subscribers.Find(personId);
        var language = subscriber?.Language ?? Languages.FromTelegram(from.LanguageCode);
        return new BotContext(personId, address, language, subscriber, access.For(personId), messenger);
    }

    /// <summary>The person a private chat (whose id is the user's) or a voter belongs to.</summary>
    private long PersonOf(long telegramUserId) => directory.PersonFor(ChannelAddress.ForTelegram(telegramUserId));

    private async Task OnCommandAsync(Message message, InboundText command, CancellationToken ct)
    {
        var context = ContextFor(message.From!);
        var (name, arguments) = SplitCommand(command.Text);
        if (!commands.TryGetValue(name, out var entry) || !Allowed(context, entry.Spec.Access))
        {
            // A cadre never learns that an admin command exists: the answer is the unknown-command one.
            await context.ReplyAsync(UnknownCommand, ct);
            return;
        }

        if (entry.Spec.Access == CommandAccess.Registered && !context.IsRegistered)
        {
            await context.ReplyAsync(RegisterFirst, ct);
            return;
        }

        if (await HeldAsync(context, InboundKind.Command, entry.Spec.Name, ct))
        {
            return;
        }

        await entry.Handler.HandleAsync(context, entry.Spec, arguments, command, ct);
    }

    private async Task OnMessageAsync(Message message, InboundText text, CancellationToken ct)
    {
        var context = ContextFor(message.From!);
        if (await HeldAsync(context, InboundKind.Text, null, ct))
        {
            return;
        }

        var state = context.Subscriber?.Conversation;
        if (state is not null && conversations.TryGetValue(state.Split('.', 2)[0], out var handler))
        {
            await handler.ContinueAsync(context, text, ct);
            return;
        }

        foreach (var freeText in freeTextHandlers)
        {
            if (await freeText.TryHandleAsync(context, text, ct))
            {
                return;
            }
        }

        await context.ReplyAsync(NotUnderstood, ct);
    }

    private async Task OnDocumentAsync(Message message, InboundDocument document, CancellationToken ct)
    {
        var context = ContextFor(message.From!);
        if (await HeldAsync(context, InboundKind.Document, null, ct))
        {
            return;
        }

        foreach (var handler in documentHandlers)
        {
            if (await handler.TryHandleAsync(context, document, ct))
            {
                return;
            }
        }

        await context.ReplyAsync(NotUnderstood, ct);
    }

    private async Task OnCallbackAsync(CallbackQuery query, CancellationToken ct)
    {
        var reply = CallbackReply.Silent;
        var context = ContextFor(query.From);
        try
        {
            var key = keys.Find(query.Data);
            if (key is null || !callbacks.TryGetValue(key.Feature, out var handler))
            {
                reply = new CallbackReply(context.T(StaleButton), Alert: true);
            }
            else if (key.OwnerId is { } owner && owner != context.PersonId)
            {
                log.LogWarning("Person {PersonId} pressed a button that belongs to {OwnerId}", context.PersonId, owner);
                reply = new CallbackReply(context.T(ForeignButton), Alert: true);
            }
            else if (await HeldAsync(context, InboundKind.Press, key.Action, ct))
            {
                reply = CallbackReply.Silent;
            }
            else
            {
                // Built inside the try: a message the HTML rendering cannot read still gets its query answered.
                var pressed = query.Message;
                var press = new ButtonPress(query.Data ?? "", pressed?.MessageId, pressed?.Text, pressed?.ToHtml());
                reply = await handler.HandleAsync(context, key, press, ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Callback {Action} failed for {PersonId}", keys.Find(query.Data)?.Action, context.PersonId);
            reply = new CallbackReply(context.T(SomethingWrong), Alert: true);
        }
        finally
        {
            await answers.AnswerAsync(query.Id, reply);
        }
    }

    /// <summary>Whether a gate (consent asked again, say) answered the input in place of its handler.</summary>
    private async Task<bool> HeldAsync(BotContext context, InboundKind kind, string? name, CancellationToken ct)
    {
        foreach (var gate in gates)
        {
            if (await gate.HoldAsync(context, kind, name, ct))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Kicked or left: blocked; a member again: unblocked; anything else (restricted, admin) is no change.</summary>
    private static bool? Blocked(ChatMemberStatus status) => status switch
    {
        ChatMemberStatus.Kicked or ChatMemberStatus.Left => true,
        ChatMemberStatus.Member => false,
        _ => null,
    };

    private static bool Allowed(BotContext context, CommandAccess needed) => needed switch
    {
        CommandAccess.Anyone => true,
        CommandAccess.Registered => true, // an unregistered user is told to register, below
        CommandAccess.UnitAdmin => context.Access.Role >= AdminRole.UnitAdmin,
        CommandAccess.BlocAdmin => context.Access.Role == AdminRole.BlocAdmin,
        _ => false,
    };

    internal static (string Name, string Arguments) SplitCommand(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var head = space < 0 ? text : text[..space];
        var arguments = space < 0 ? "" : text[(space + 1)..].Trim();
        var at = head.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            head = head[..at];
        }

        return (head.TrimStart('/'), arguments);
    }
}
