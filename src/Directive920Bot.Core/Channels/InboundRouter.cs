using Directive920Bot.Admin;
using Directive920Bot.Localization;
using Directive920Bot.Registration;

namespace Directive920Bot.Channels;

/// <summary>
/// The channel-neutral half of inbound routing, shared by every channel adapter: it decides which feature handles a
/// person's input once the adapter has turned its channel's update into a Core value (<see cref="InboundText"/>, a
/// callback key, <see cref="InboundQuizAnswer"/>, <see cref="InboundDocument"/>, <see cref="MembershipChange"/>) and
/// the sender's address into a <see cref="BotContext"/> (<see cref="ContextFor"/>). Commands are dispatched through
/// one table built once from the handlers' <see cref="CommandSpec"/>s (names and aliases), button presses by the
/// feature of their key, conversations by prefix; every gate sees every command, text, document and press first.
/// </summary>
public sealed class InboundRouter
{
    /// <summary>The polite notice for a person over the per-person input limit; adapters send it as they can.</summary>
    public static readonly Loc TooMuchInput = new(
        "Đồng chí đang gửi quá nhiều tin nhắn trong thời gian ngắn. Các tin nhắn tiếp theo tạm thời sẽ không được xử lý; đồng chí vui lòng đợi ít phút rồi gửi lại.",
        "You are sending too many messages in a short time. Further messages will not be handled for a while; please wait a few minutes and send again.");

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
    private readonly ILogger<InboundRouter> log;

    public InboundRouter(
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
        ILogger<InboundRouter> log)
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
        this.log = log;
    }

    public IEnumerable<CommandSpec> Commands => commands.Values.Select(c => c.Spec).Distinct();

    /// <summary>
    /// The context of a sender: their address resolved to a person id (the stored one, or before consent the
    /// provisional one), their stored language or else the one their channel reports, and the channel to answer on.
    /// </summary>
    public BotContext ContextFor(ChannelAddress address, string? channelLanguage, IChannelSender sender)
    {
        ArgumentNullException.ThrowIfNull(address);
        var personId = directory.PersonFor(address);
        var subscriber = subscribers.Find(personId);
        var language = subscriber?.Language ?? Languages.FromTelegram(channelLanguage);
        return new BotContext(personId, address, language, subscriber, access.For(personId), sender);
    }

    /// <summary>The person an address belongs to (stored or provisional).</summary>
    public long PersonOf(ChannelAddress address) => directory.PersonFor(address);

    /// <summary>A typed command (text starting with '/').</summary>
    public async Task OnCommandAsync(BotContext context, InboundText command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
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

    /// <summary>Text that is not a command: a step of the person's conversation, else free text, else "not understood".</summary>
    public async Task OnTextAsync(BotContext context, InboundText text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await HeldAsync(context, InboundKind.Text, null, ct))
        {
            return;
        }

        if (await TryContinueConversationAsync(context, text, ct))
        {
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

    /// <summary>Whether the person is in a conversation, which then took <paramref name="text"/> as its next step.</summary>
    public async Task<bool> TryContinueConversationAsync(BotContext context, InboundText text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = context.Subscriber?.Conversation;
        if (state is not null && conversations.TryGetValue(state.Split('.', 2)[0], out var handler))
        {
            await handler.ContinueAsync(context, text, ct);
            return true;
        }

        return false;
    }

    public async Task OnDocumentAsync(BotContext context, InboundDocument document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
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

    /// <summary>
    /// A press of a button (Telegram) or its typed equivalent (Zalo) by its callback key: checked (exists, not expired,
    /// the presser's), passed by the gates, handled. Returns what the adapter shows the presser; never throws but for
    /// cancellation (a failure is logged and answered politely).
    /// </summary>
    /// <param name="press">Builds the press (the message the button sits on); called only when a handler takes it.</param>
    public async Task<CallbackReply> OnPressAsync(BotContext context, string? data, Func<ButtonPress> press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(press);
        try
        {
            var key = keys.Find(data);
            if (key is null || !callbacks.TryGetValue(key.Feature, out var handler))
            {
                return new CallbackReply(context.T(StaleButton), Alert: true);
            }

            if (key.OwnerId is { } owner && owner != context.PersonId)
            {
                log.LogWarning("Person {PersonId} pressed a button that belongs to {OwnerId}", context.PersonId, owner);
                return new CallbackReply(context.T(ForeignButton), Alert: true);
            }

            if (await HeldAsync(context, InboundKind.Press, key.Action, ct))
            {
                return CallbackReply.Silent;
            }

            // Built inside the try: a message the channel's rendering cannot read still gets its press answered.
            return await handler.HandleAsync(context, key, press(), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Callback {Action} failed for {PersonId}", keys.Find(data)?.Action, context.PersonId);
            return new CallbackReply(context.T(SomethingWrong), Alert: true);
        }
    }

    /// <summary>An answer to a quiz (a Telegram poll vote, a Zalo typed number).</summary>
    public Task OnQuizAnswerAsync(InboundQuizAnswer answer, CancellationToken ct) =>
        Task.WhenAll(pollHandlers.Select(h => h.HandleAsync(answer, ct)));

    /// <summary>The person blocked or unblocked the bot.</summary>
    public Task OnMembershipAsync(MembershipChange change, CancellationToken ct) =>
        Task.WhenAll(membershipHandlers.Select(h => h.HandleAsync(change, ct)));

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

    private static bool Allowed(BotContext context, CommandAccess needed) => needed switch
    {
        CommandAccess.Anyone => true,
        CommandAccess.Registered => true, // an unregistered user is told to register, in OnCommandAsync
        CommandAccess.UnitAdmin => context.Access.Role >= AdminRole.UnitAdmin,
        CommandAccess.BlocAdmin => context.Access.Role == AdminRole.BlocAdmin,
        _ => false,
    };

    /// <summary>"/name@bot arguments" → ("name", "arguments").</summary>
    public static (string Name, string Arguments) SplitCommand(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
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
