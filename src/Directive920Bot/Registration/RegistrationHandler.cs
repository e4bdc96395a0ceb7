using System.Globalization;
using System.Text.RegularExpressions;
using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Hosting;
using Directive920Bot.Localization;
using Directive920Bot.Telegram;
using static Directive920Bot.Registration.RegistrationTexts;

namespace Directive920Bot.Registration;

/// <summary>
/// /start, consent, the registration dialogue, /profile, /language, /stop, /delete, /mydata and /help.
/// Nothing about a person is stored before they press “I agree”.
/// </summary>
public sealed partial class RegistrationHandler(
    SubscriberStore subscribers,
    UnitStore units,
    CallbackKeyStore keys,
    PersonalDataService personalData,
    RosterService roster,
    BotClock clock,
    ILogger<RegistrationHandler> log) : ICommandHandler, IConversationHandler, ICallbackHandler, IMembershipHandler
{
    public const int UnitsPerPage = 8;
    private static readonly TimeSpan ConsentButtonLifetime = TimeSpan.FromDays(7);

    public IReadOnlyList<CommandSpec> Commands { get; } =
    [
        new("start", new("Bắt đầu, đăng ký", "Start, register")),
        new("help", new("Trợ giúp", "Help"), CommandAccess.Anyone, true, "trogiup"),
        new("profile", new("Thông tin của tôi", "My details"), CommandAccess.Registered, true, "hoso"),
        new("language", new("Đổi ngôn ngữ", "Change language"), CommandAccess.Anyone, true, "ngonngu"),
        new("mydata", new("Tải dữ liệu của tôi", "Download my data"), CommandAccess.Registered, true, "dulieu"),
        new("stop", new("Ngừng nhận tin", "Unsubscribe"), CommandAccess.Registered, true, "dung"),
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
                var json = personalData.ExportJson(context.UserId);
                await context.Messenger.TrySendDocumentAsync(context.ChatId,
                    new OutboundFile($"directive920-{context.UserId}.json", json, context.T(MyDataCaption)), SendPriority.Interactive, ct);
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
                subscribers.Save(subscriber);
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
                    await context.Messenger.EditAsync(context.ChatId, refused, new OutboundMessage(context.T(Refused)), ct);
                }

                return CallbackReply.Silent;
            case "reg.welcome-lang":
                var (language, invite, person) = SplitPayload(key.Payload);
                context.Language = language;
                if (messageId is { } welcome)
                {
                    await context.Messenger.EditAsync(context.ChatId, welcome, WelcomeMessage(context, invite, person), ct);
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
                    await context.Messenger.EditAsync(context.ChatId, listId, UnitPicker(context, page, query1), ct);
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

    public Task HandleAsync(MembershipChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var userId = change.PersonId;
        if (change.Blocked)
        {
            if (subscribers.SetStatus(userId, SubscriberStatus.Blocked, SubscriberStatus.Active))
            {
                log.LogInformation("Subscriber {UserId} blocked the bot", userId);
            }
        }
        else if (subscribers.SetStatus(userId, SubscriberStatus.Active, SubscriberStatus.Blocked))
        {
            log.LogInformation("Subscriber {UserId} unblocked the bot", userId);
        }

        return Task.CompletedTask;
    }

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
            subscribers.Save(subscriber);
            await context.ReplyAsync(Resubscribed, ct);
            return;
        }

        await context.ReplyAsync(AlreadyRegistered, ct);
    }

    private Unit? InviteUnit(string arguments)
    {
        var code = arguments.Trim();
        if (code.Length == 0)
        {
            return null;
        }

        code = code.StartsWith("u_", StringComparison.Ordinal) ? code[2..] : code;
        return units.FindByInvite(code.ToLowerInvariant());
    }

    private OutboundMessage WelcomeMessage(BotContext context, string? inviteUnit, string? personInvite = null)
    {
        // Nobody is stored yet, so these buttons belong to whoever presses them and carry the invite and language.
        var payload = $"{context.Language}|{inviteUnit}|{personInvite}";
        var other = context.Language == Languages.Vietnamese ? Languages.English : Languages.Vietnamese;
        return new OutboundMessage(context.T(Welcome)).WithButtons(
            [
                new OutboundButton(context.T(Agree), keys.Issue(null, "reg.consent", payload, ConsentButtonLifetime)),
                new OutboundButton(context.T(Disagree), keys.Issue(null, "reg.refuse", "", ConsentButtonLifetime)),
            ],
            [new OutboundButton(context.T(SwitchLanguage), keys.Issue(null, "reg.welcome-lang", $"{other}|{inviteUnit}|{personInvite}", ConsentButtonLifetime))]);
    }

    private async Task<CallbackReply> OnConsentAsync(BotContext context, string payload, int? messageId, CancellationToken ct)
    {
        if (context.Subscriber is not null)
        {
            // A second press on the consent button, or a press after a restart: consent is recorded once.
            return new CallbackReply(context.T(context.IsRegistered ? AlreadyRegistered : ContinueRegistration));
        }

        var (language, inviteUnit, personInvite) = SplitPayload(payload);
        var now = clock.UtcNow.UtcDateTime;
        var subscriber = new Subscriber
        {
            Id = context.UserId,
            ChatId = context.ChatId,
            Language = language,
            Status = SubscriberStatus.Registering,
            ConsentAt = now,
            ConsentVersion = ConsentVersion,
            Conversation = Steps.Name,
            Draft = new RegistrationDraft { InviteUnitCode = units.Find(inviteUnit)?.Code },
        };
        if (personInvite is not null && roster.FromInvite("p_" + personInvite) is { SubscriberId: null } entry)
        {
            // The unit handed this person their own link: name, unit and role come from the roster; they only confirm.
            subscriber.Draft.FullName = entry.FullName;
            subscriber.Draft.UnitCode = entry.UnitCode;
            subscriber.Draft.Role = entry.Role;
            subscriber.Draft.RosterInviteCode = entry.InviteCode;
            subscriber.Conversation = Steps.Confirm;
        }

        subscribers.Save(subscriber);
        context.Subscriber = subscriber;
        context.Language = language;
        if (messageId is { } id)
        {
            // The consent message stays in the chat as the record of what was agreed to, without its buttons.
            await context.Messenger.EditAsync(context.ChatId, id, new OutboundMessage(context.T(Welcome) + "\n\n✅ " + context.T(Agree).TrimStart('✅', ' ')), ct);
        }

        await PromptAsync(context, subscriber, ct);
        return CallbackReply.Silent;
    }

    private async Task OnNameAsync(BotContext context, Subscriber subscriber, string text, CancellationToken ct)
    {
        var name = NormalizeName(text);
        if (name is null)
        {
            await context.ReplyAsync(BadName, ct);
            return;
        }

        var draft = subscriber.Draft ??= new RegistrationDraft();
        if (draft.EditingProfile)
        {
            subscriber.FullName = name;
            await FinishEditAsync(context, subscriber, ct);
            return;
        }

        draft.FullName = name;
        Advance(subscriber);
        subscribers.Save(subscriber);
        await PromptAsync(context, subscriber, ct);
    }

    private async Task OnUnitSearchAsync(BotContext context, string text, CancellationToken ct)
    {
        if (text.Length is 0 or > 100)
        {
            await context.ReplyAsync(UnitPicker(context, 0, null, ChooseUnitWithButtons), ct);
            return;
        }

        var matches = units.Search(text);
        if (matches.Count == 0)
        {
            await context.ReplyAsync(UnitPicker(context, 0, null, new Loc(
                NoUnitFound.Format(Languages.Vietnamese, TelegramHtml.Escape(text)),
                NoUnitFound.Format(Languages.English, TelegramHtml.Escape(text)))), ct);
            return;
        }

        await context.ReplyAsync(UnitPicker(context, 0, text), ct);
    }

    private async Task<CallbackReply> OnUnitChosenAsync(BotContext context, Subscriber subscriber, string code, int? messageId, CancellationToken ct)
    {
        var unit = units.Find(code);
        if (unit is null || subscriber.Conversation != Steps.Unit)
        {
            return new CallbackReply(context.T(new Loc("Nút này đã hết hiệu lực.", "This button is no longer valid.")));
        }

        if (messageId is { } id)
        {
            await context.Messenger.EditAsync(context.ChatId, id, new OutboundMessage("✅ " + TelegramHtml.Escape(unit.Name)), ct);
        }

        var draft = subscriber.Draft ??= new RegistrationDraft();
        if (draft.EditingProfile)
        {
            subscriber.UnitCode = unit.Code;
            await FinishEditAsync(context, subscriber, ct);
            return CallbackReply.Silent;
        }

        draft.UnitCode = unit.Code;
        Advance(subscriber);
        subscribers.Save(subscriber);
        await PromptAsync(context, subscriber, ct);
        return CallbackReply.Silent;
    }

    private async Task<CallbackReply> OnRoleChosenAsync(BotContext context, Subscriber subscriber, CadreRole role, int? messageId, CancellationToken ct)
    {
        if (subscriber.Conversation != Steps.Role)
        {
            return new CallbackReply(context.T(new Loc("Nút này đã hết hiệu lực.", "This button is no longer valid.")));
        }

        if (messageId is { } id)
        {
            await context.Messenger.EditAsync(context.ChatId, id, new OutboundMessage("✅ " + RoleName(role, context.Language)), ct);
        }

        var draft = subscriber.Draft ??= new RegistrationDraft();
        if (draft.EditingProfile)
        {
            subscriber.Role = role;
            await FinishEditAsync(context, subscriber, ct);
            return CallbackReply.Silent;
        }

        draft.Role = role;
        Advance(subscriber);
        subscribers.Save(subscriber);
        await PromptAsync(context, subscriber, ct);
        return CallbackReply.Silent;
    }

    private async Task<CallbackReply> OnEditAsync(BotContext context, Subscriber subscriber, string field, CancellationToken ct)
    {
        var draft = subscriber.Draft ??= new RegistrationDraft();
        draft.EditingProfile = subscriber.IsRegistered;
        subscriber.Conversation = field switch
        {
            "name" => Steps.Name,
            "unit" => Steps.Unit,
            _ => Steps.Role,
        };
        subscribers.Save(subscriber);
        await PromptAsync(context, subscriber, ct);
        return CallbackReply.Silent;
    }

    private async Task<CallbackReply> OnConfirmAsync(BotContext context, Subscriber subscriber, int? messageId, CancellationToken ct)
    {
        if (subscriber.IsRegistered)
        {
            return new CallbackReply(context.T(AlreadyRegistered));
        }

        var draft = subscriber.Draft;
        if (draft?.FullName is null || draft.UnitCode is null || draft.Role is null || units.Find(draft.UnitCode) is null)
        {
            subscriber.Conversation = Steps.Name;
            subscribers.Save(subscriber);
            await PromptAsync(context, subscriber, ct);
            return CallbackReply.Silent;
        }

        var personInvite = draft.RosterInviteCode;
        subscriber.FullName = draft.FullName;
        subscriber.UnitCode = draft.UnitCode;
        subscriber.Role = draft.Role;
        subscriber.Status = SubscriberStatus.Active;
        subscriber.RegisteredAt = clock.UtcNow.UtcDateTime;
        subscriber.Conversation = null;
        subscriber.Draft = null;
        subscribers.Save(subscriber);
        if (messageId is { } id)
        {
            await context.Messenger.EditAsync(context.ChatId, id, new OutboundMessage(SummaryText(context, subscriber.FullName, subscriber.UnitCode, subscriber.Role)), ct);
        }

        await context.ReplyAsync(Registered, ct);
        await LinkRosterAsync(context, subscriber, personInvite, ct);
        return CallbackReply.Silent;
    }

    /// <summary>Exact through the personal invite; otherwise a same-name entry in the unit, which the cadre confirms.</summary>
    private async Task LinkRosterAsync(BotContext context, Subscriber subscriber, string? personInvite, CancellationToken ct)
    {
        var invited = personInvite is null ? null : roster.FromInvite("p_" + personInvite);
        if (invited is not null && invited.UnitCode == subscriber.UnitCode && roster.Link(subscriber.Id, subscriber, invited, RosterLink.Invite))
        {
            return;
        }

        if (roster.Suggest(subscriber) is { } suggested)
        {
            var position = string.IsNullOrEmpty(suggested.Position) ? "" : " — " + TelegramHtml.Escape(suggested.Position);
            await context.ReplyAsync(new OutboundMessage(RosterQuestion.Format(context.Language, TelegramHtml.Escape(suggested.FullName) + position,
                TelegramHtml.Escape(units.DisplayName(suggested.UnitCode)))).WithButtons(
                [
                    new OutboundButton(context.T(RosterYes), keys.Issue(context.UserId, "rpt.self", suggested.Id.ToString(CultureInfo.InvariantCulture))),
                    new OutboundButton(context.T(RosterNo), keys.Issue(context.UserId, "rpt.notme", suggested.Id.ToString(CultureInfo.InvariantCulture))),
                ]), ct);
        }
    }

    private async Task FinishEditAsync(BotContext context, Subscriber subscriber, CancellationToken ct)
    {
        subscriber.Conversation = null;
        subscriber.Draft = null;
        subscribers.Save(subscriber);
        await context.ReplyAsync(Saved, ct);
        await ShowProfileAsync(context, ct);
    }

    private async Task<CallbackReply> OnLanguageAsync(BotContext context, string language, CancellationToken ct)
    {
        language = Languages.IsSupported(language) ? language : Languages.Vietnamese;
        context.Language = language;
        if (context.Subscriber is { } subscriber)
        {
            subscriber.Language = language;
            subscribers.Save(subscriber);
        }

        await context.ReplyAsync(LanguageSet, ct);
        return CallbackReply.Silent;
    }

    private async Task StopAsync(BotContext context, CancellationToken ct)
    {
        var subscriber = context.Subscriber!;
        if (subscriber.Status == SubscriberStatus.Stopped)
        {
            await context.ReplyAsync(AlreadyStopped, ct);
            return;
        }

        subscriber.Status = SubscriberStatus.Stopped;
        subscribers.Save(subscriber);
        await context.ReplyAsync(Stopped, ct);
    }

    private async Task AskDeleteAsync(BotContext context, CancellationToken ct)
    {
        if (context.Subscriber is null)
        {
            await context.ReplyAsync(NothingToDelete, ct);
            return;
        }

        await context.ReplyAsync(new OutboundMessage(context.T(DeleteAsk)).WithButtons(
        [
            new OutboundButton(context.T(DeleteYes), keys.Issue(context.UserId, "reg.delete", "yes")),
            new OutboundButton(context.T(DeleteNo), keys.Issue(context.UserId, "reg.delete", "no")),
        ]), ct);
    }

    private async Task<CallbackReply> OnDeleteAsync(BotContext context, bool confirmed, int? messageId, CancellationToken ct)
    {
        if (!confirmed)
        {
            if (messageId is { } id)
            {
                await context.Messenger.EditAsync(context.ChatId, id, new OutboundMessage(context.T(DeleteCancelled)), ct);
            }

            return CallbackReply.Silent;
        }

        if (context.Subscriber is null)
        {
            return new CallbackReply(context.T(NothingToDelete));
        }

        personalData.Erase(context.UserId);
        context.Subscriber = null;
        if (messageId is { } deletedId)
        {
            await context.Messenger.EditAsync(context.ChatId, deletedId, new OutboundMessage(context.T(Deleted)), ct);
        }

        log.LogInformation("Personal data erased on request");
        return CallbackReply.Silent;
    }

    private async Task ShowProfileAsync(BotContext context, CancellationToken ct)
    {
        var s = context.Subscriber!;
        var status = s.Status switch
        {
            SubscriberStatus.Stopped => StatusStopped,
            SubscriberStatus.Blocked => StatusBlocked,
            _ when s.Paused => StatusPaused,
            _ => StatusActive,
        };
        var consent = clock.ToLocal(s.ConsentAt).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        var text = Profile.Format(context.Language, TelegramHtml.Escape(s.FullName ?? ""), TelegramHtml.Escape(units.DisplayName(s.UnitCode)),
            RoleName(s.Role, context.Language), context.T(status), consent);
        await context.ReplyAsync(new OutboundMessage(text).WithButtons(
            [
                new OutboundButton(context.T(EditName), keys.Issue(context.UserId, "reg.edit", "name")),
                new OutboundButton(context.T(EditUnit), keys.Issue(context.UserId, "reg.edit", "unit")),
            ],
            [
                new OutboundButton(context.T(EditRole), keys.Issue(context.UserId, "reg.edit", "role")),
                new OutboundButton(context.T(ChangeLanguage), keys.Issue(context.UserId, "reg.lang", context.Language == "vi" ? "en" : "vi")),
            ]), ct);
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

    private OutboundMessage UnitPicker(BotContext context, int page, string? query, Loc? lead = null)
    {
        var list = query is null ? units.All() : units.Search(query);
        var pages = Math.Max(1, (list.Count + UnitsPerPage - 1) / UnitsPerPage);
        page = Math.Clamp(page, 0, pages - 1);
        var rows = list.Skip(page * UnitsPerPage).Take(UnitsPerPage)
            .Select(u => (IReadOnlyList<OutboundButton>)[new OutboundButton(Indent(u) + Shorten(u.Name, 48), keys.Issue(context.UserId, "reg.unit", u.Code))])
            .ToList();
        var nav = new List<OutboundButton>();
        if (page > 0)
        {
            nav.Add(new OutboundButton(context.T(Previous), keys.Issue(context.UserId, "reg.page", $"{page - 1}|{query}")));
        }

        if (page < pages - 1)
        {
            nav.Add(new OutboundButton(context.T(Next), keys.Issue(context.UserId, "reg.page", $"{page + 1}|{query}")));
        }

        if (nav.Count > 0)
        {
            rows.Add(nav);
        }

        var header = query is null ? context.T(lead ?? AskUnit) : UnitMatches.Format(context.Language, TelegramHtml.Escape(query));
        var footer = pages > 1 ? $"\n<i>{page + 1}/{pages}</i>" : "";
        return new OutboundMessage(header + footer, rows);
    }

    private OutboundMessage RolePrompt(BotContext context, Loc lead) => new OutboundMessage(context.T(lead)).WithButtons(
        [new OutboundButton(context.T(RoleLeader), keys.Issue(context.UserId, "reg.role", "leader"))],
        [new OutboundButton(context.T(RoleStaff), keys.Issue(context.UserId, "reg.role", "staff"))]);

    private OutboundMessage SummaryMessage(BotContext context, Subscriber subscriber, Loc? lead)
    {
        var draft = subscriber.Draft ?? new RegistrationDraft();
        var text = SummaryText(context, draft.FullName, draft.UnitCode, draft.Role);
        if (lead is { } l)
        {
            text = context.T(l) + "\n\n" + text;
        }

        if (draft.InviteUnitCode is not null && draft.UnitCode == draft.InviteUnitCode)
        {
            text += "\n<i>" + UnitFromInvite.Format(context.Language, TelegramHtml.Escape(units.DisplayName(draft.UnitCode))) + "</i>";
        }

        return new OutboundMessage(text).WithButtons(
            [new OutboundButton(context.T(Confirm), keys.Issue(context.UserId, "reg.confirm"))],
            [
                new OutboundButton(context.T(EditName), keys.Issue(context.UserId, "reg.edit", "name")),
                new OutboundButton(context.T(EditUnit), keys.Issue(context.UserId, "reg.edit", "unit")),
                new OutboundButton(context.T(EditRole), keys.Issue(context.UserId, "reg.edit", "role")),
            ]);
    }

    private string SummaryText(BotContext context, string? name, string? unitCode, CadreRole? role) =>
        Summary.Format(context.Language, TelegramHtml.Escape(name ?? "—"), TelegramHtml.Escape(units.DisplayName(unitCode)), RoleName(role, context.Language));

    private OutboundMessage LanguageChooser(BotContext context) => new OutboundMessage(context.T(ChooseLanguage)).WithButtons(
    [
        new OutboundButton("🇻🇳 Tiếng Việt", keys.Issue(context.Subscriber is null ? null : context.UserId, "reg.lang", "vi")),
        new OutboundButton("🇬🇧 English", keys.Issue(context.Subscriber is null ? null : context.UserId, "reg.lang", "en")),
    ]);

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
