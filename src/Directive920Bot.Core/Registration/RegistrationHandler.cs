using System.Globalization;
using System.Text.RegularExpressions;
using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Hosting;
using Directive920Bot.Localization;
using Directive920Bot.Storage;
using static Directive920Bot.Registration.RegistrationTexts;

namespace Directive920Bot.Registration;

/// <summary>
/// /start, consent, the registration dialogue, /profile, /language, /stop, /delete, /mydata and /help.
/// Nothing about a person is stored before they press “I agree”.
/// </summary>
public sealed partial class RegistrationHandler(
    ISubscribers subscribers,
    IPersonDirectory directory,
    IUnits units,
    CallbackKeyStore keys,
    PersonalDataService personalData,
    RosterService roster,
    IStorage storage,
    BotClock clock,
    ConsentText consent,
    ILogger<RegistrationHandler> log) : ICommandHandler, IConversationHandler, ICallbackHandler, IMembershipHandler
{
    public const int UnitsPerPage = 8;
    private static readonly TimeSpan ConsentButtonLifetime = TimeSpan.FromDays(7);

    public IReadOnlyList<CommandSpec> Commands { get; } =
    [
        new("start", new("Bắt đầu, đăng ký", "Start, register")),
        new("help", new("Trợ giúp", "Help"), CommandAccess.Anyone, true, "trogiup"),
        new("profile", new("Thông tin cá nhân", "My details"), CommandAccess.Registered, true, "hoso"),
        new("language", new("Đổi ngôn ngữ", "Change language"), CommandAccess.Anyone, true, "ngonngu"),
        new("mydata", new("Tải dữ liệu cá nhân", "Download my data"), CommandAccess.Registered, true, "dulieu"),
        new("stop", new("Ngừng nhận tin", "Unsubscribe"), CommandAccess.Registered, true, "ngungnhan", "dung"),
        new("delete", new("Xóa dữ liệu cá nhân", "Delete my personal data"), CommandAccess.Anyone, true, "xoa"),
    ];

    public string Prefix => "reg";

    public string Feature => "reg";

    public async Task HandleAsync(BotContext context, CommandSpec command, string arguments, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        switch (command.Name)
        {
            case "start":
                await StartAsync(context, arguments, ct);
                break;
            case "help":
                await context.ReplyAsync(Help(context), ct);
                break;
            case "profile":
                await ShowProfileAsync(context, ct);
                break;
            case "language":
                await context.ReplyAsync(LanguageChooser(context), ct);
                break;
            case "mydata":
                // The readable summary first (what a person reads), then the same data as JSON (what a machine reads).
                await context.Sender.TrySendDocumentAsync(context.PersonId,
                    new OutboundFile(context.T(MyDataSummaryFile), personalData.Summary(context.PersonId, context.Language), context.T(MyDataSummaryCaption)), SendPriority.Interactive, ct);
                var json = personalData.ExportJson(context.PersonId);
                await context.Sender.TrySendDocumentAsync(context.PersonId,
                    new OutboundFile($"directive920-{context.PersonId}.json", json, context.T(MyDataCaption)), SendPriority.Interactive, ct);
                break;
            case "stop":
                await StopAsync(context, ct);
                break;
            case "delete":
                await AskDeleteAsync(context, ct);
                break;
        }
    }

    public async Task ContinueAsync(BotContext context, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(message);
        var subscriber = context.Subscriber!;
        var text = message.Text.Trim();
        switch (subscriber.Conversation)
        {
            case Steps.Name:
                await OnNameAsync(context, subscriber, text, ct);
                break;
            case Steps.Unit:
                await OnUnitSearchAsync(context, text, ct);
                break;
            case Steps.Role:
                await context.ReplyAsync(RolePrompt(context, ChooseRoleWithButtons), ct);
                break;
            case Steps.Confirm:
                await context.ReplyAsync(SummaryMessage(context, subscriber, ConfirmWithButtons), ct);
                break;
            default:
                subscriber.Conversation = null;
                await SaveAsync(subscriber);
                await context.ReplyAsync(HelpCadre, ct);
                break;
        }
    }

    public async Task<CallbackReply> HandleAsync(BotContext context, CallbackKey key, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(press);
        var messageId = press.MessageId;
        switch (key.Action)
        {
            case "reg.consent":
                return await OnConsentAsync(context, key.Payload, messageId, ct);
            case "reg.refuse":
                if (messageId is { } refused)
                {
                    await context.Sender.EditAsync(context.PersonId, refused, new OutboundMessage(context.T(Refused)), ct);
                }

                return CallbackReply.Silent;
            case "reg.welcome-lang":
                var (language, invite, person) = SplitPayload(key.Payload);
                context.Language = language;
                if (messageId is { } welcome)
                {
                    await context.Sender.EditAsync(context.PersonId, welcome, WelcomeMessage(context, invite, person), ct);
                }

                return CallbackReply.Silent;
            case "reg.lang":
                return await OnLanguageAsync(context, key.Payload, ct);
            case "reg.delete":
                return await OnDeleteAsync(context, key.Payload == "yes", messageId, ct);
        }

        var subscriber = context.Subscriber;
        if (subscriber is null)
        {
            return new CallbackReply(context.T(new Loc("Đồng chí gõ /start để đăng ký.", "Type /start to register.")));
        }

        switch (key.Action)
        {
            case "reg.page":
                var (page, query1) = ParsePage(key.Payload);
                if (messageId is { } listId)
                {
                    await context.Sender.EditAsync(context.PersonId, listId, UnitPicker(context, page, query1), ct);
                }

                return CallbackReply.Silent;
            case "reg.unit":
                return await OnUnitChosenAsync(context, subscriber, key.Payload, messageId, ct);
            case "reg.role":
                return await OnRoleChosenAsync(context, subscriber, key.Payload == "leader" ? CadreRole.Leader : CadreRole.Staff, messageId, ct);
            case "reg.edit":
                return await OnEditAsync(context, subscriber, key.Payload, ct);
            case "reg.confirm":
                return await OnConfirmAsync(context, subscriber, messageId, ct);
            default:
                log.LogWarning("Unknown registration action {Action}", key.Action);
                return CallbackReply.Silent;
        }
    }

    public async Task HandleAsync(MembershipChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var userId = change.PersonId;
        if (change.Blocked)
        {
            if (await storage.WriteAsync(tx => subscribers.SetStatus(tx, userId, SubscriberStatus.Blocked, SubscriberStatus.Active)))
            {
                log.LogInformation("Subscriber {UserId} blocked the bot", userId);
            }
        }
        else if (await storage.WriteAsync(tx => subscribers.SetStatus(tx, userId, SubscriberStatus.Active, SubscriberStatus.Blocked)))
        {
            log.LogInformation("Subscriber {UserId} unblocked the bot", userId);
        }
    }

    /// <summary>Stores the subscriber in a transaction of its own; completes once it is committed.</summary>
    private Task SaveAsync(Subscriber subscriber) => storage.WriteAsync(tx => subscribers.Save(tx, subscriber));

    private async Task StartAsync(BotContext context, string arguments, CancellationToken ct)
    {
        var subscriber = context.Subscriber;
        if (subscriber is null)
        {
            // A personal invite (start=p_CODE) names the roster entry and so the unit; a unit invite only the unit.
            var person = roster.FromInvite(arguments.Trim());
            var invite = person is null ? InviteUnit(arguments) : units.Find(person.UnitCode);
            await context.ReplyAsync(WelcomeMessage(context, invite?.Code, person?.InviteCode), ct);
            return;
        }

        if (!subscriber.IsRegistered)
        {
            await context.ReplyAsync(ContinueRegistration, ct);
            await PromptAsync(context, subscriber, ct);
            return;
        }

        if (subscriber.Status is SubscriberStatus.Stopped or SubscriberStatus.Blocked)
        {
            subscriber.Status = SubscriberStatus.Active;
            await SaveAsync(subscriber);
            await context.ReplyAsync(Resubscribed, ct);
            return;
        }

        await context.ReplyAsync(AlreadyRegistered, ct);
    }

    /// <summary>Shows the question for the step the subscriber is in.</summary>
    private async Task PromptAsync(BotContext context, Subscriber subscriber, CancellationToken ct)
    {
        switch (subscriber.Conversation)
        {
            case Steps.Name:
                await context.ReplyAsync(AskName, ct);
                break;
            case Steps.Unit:
                await context.ReplyAsync(units.Count() == 0 ? new OutboundMessage(context.T(NoUnitsYet)) : UnitPicker(context, 0, null), ct);
                break;
            case Steps.Role:
                await context.ReplyAsync(RolePrompt(context, AskRole), ct);
                break;
            case Steps.Confirm:
                await context.ReplyAsync(SummaryMessage(context, subscriber, null), ct);
                break;
        }
    }

    /// <summary>Moves to the next unanswered step; the invite code answers the unit question.</summary>
    private void Advance(Subscriber subscriber)
    {
        var draft = subscriber.Draft!;
        if (draft.FullName is null)
        {
            subscriber.Conversation = Steps.Name;
        }
        else if (draft.UnitCode is null && draft.InviteUnitCode is { } invite && units.Find(invite) is not null)
        {
            draft.UnitCode = invite;
            Advance(subscriber);
        }
        else if (draft.UnitCode is null)
        {
            subscriber.Conversation = Steps.Unit;
        }
        else if (draft.Role is null)
        {
            subscriber.Conversation = Steps.Role;
        }
        else
        {
            subscriber.Conversation = Steps.Confirm;
        }
    }

    private static string Help(BotContext context)
    {
        if (!context.IsRegistered)
        {
            return context.T(HelpUnregistered);
        }

        var text = context.T(HelpCadre);
        return context.Access.Role switch
        {
            AdminRole.BlocAdmin => text + context.T(HelpBlocAdmin),
            AdminRole.UnitAdmin => text + context.T(HelpUnitAdmin),
            _ => text,
        };
    }

    /// <summary>Trims, collapses spaces and checks a full name; null when it is not acceptable.</summary>
    internal static string? NormalizeName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Any(char.IsControl))
        {
            return null;
        }

        var name = string.Join(' ', text.Normalize(System.Text.NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var words = name.Split(' ').Length;
        return name.Length is >= 4 and <= 80 && words is >= 2 and <= 6 && NamePattern().IsMatch(name) ? name : null;
    }

    private static (string Language, string? Invite, string? Person) SplitPayload(string payload)
    {
        var parts = payload.Split('|', 3);
        var language = Languages.IsSupported(parts[0]) ? parts[0] : Languages.Vietnamese;
        return (language, parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null, parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null);
    }

    private static (int Page, string? Query) ParsePage(string payload)
    {
        var parts = payload.Split('|', 2);
        _ = int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var page);
        return (page, parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
    }

    private static string Indent(Unit unit) => unit.Depth <= 0 ? "" : string.Concat(Enumerable.Repeat("· ", Math.Min(unit.Depth, 3)));

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    [GeneratedRegex(@"^[\p{L}][\p{L}\p{M}'’.\- ]*[\p{L}\p{M}.]$")]
    private static partial Regex NamePattern();

    internal static class Steps
    {
        public const string Name = "reg.name";
        public const string Unit = "reg.unit";
        public const string Role = "reg.role";
        public const string Confirm = "reg.confirm";
    }
}
