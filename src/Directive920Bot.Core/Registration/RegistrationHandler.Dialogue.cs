using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Localization;
using static Directive920Bot.Registration.RegistrationTexts;

namespace Directive920Bot.Registration;

/// <summary>The registration dialogue: consent, name, unit, role, the summary with Edit/Confirm, and the roster link.</summary>
public sealed partial class RegistrationHandler
{
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
            Id = context.PersonId,
            Language = language,
            Status = SubscriberStatus.Registering,
            ConsentAt = now,
            ConsentVersion = consent.Version,
            Channels = ChannelUses.Of(context.Address.Channel),
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

        // Consent first: the person's channel address is stored from here on, with their profile, never before.
        context.PersonId = await storage.WriteAsync(tx =>
        {
            subscriber.Id = directory.Register(tx, context.Address);
            subscribers.Save(tx, subscriber);
            return subscriber.Id;
        });
        context.Subscriber = subscriber;
        context.Language = language;
        if (messageId is { } id)
        {
            // The consent message stays in the chat as the record of what was agreed to, without its buttons.
            await context.Sender.EditAsync(context.PersonId, id, new OutboundMessage(consent.Welcome(context.Language) + "\n\n✅ " + context.T(Agree).TrimStart('✅', ' ')), ct);
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
        await SaveAsync(subscriber);
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
            await context.Sender.EditAsync(context.PersonId, id, new OutboundMessage("✅ " + TelegramHtml.Escape(unit.Name)), ct);
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
        await SaveAsync(subscriber);
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
            await context.Sender.EditAsync(context.PersonId, id, new OutboundMessage("✅ " + RoleName(role, context.Language)), ct);
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
        await SaveAsync(subscriber);
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
        await SaveAsync(subscriber);
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
            await SaveAsync(subscriber);
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
        await SaveAsync(subscriber);
        if (messageId is { } id)
        {
            await context.Sender.EditAsync(context.PersonId, id, new OutboundMessage(SummaryText(context, subscriber.FullName, subscriber.UnitCode, subscriber.Role)), ct);
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
                    new OutboundButton(context.T(RosterYes), keys.Issue(context.PersonId, "rpt.self", suggested.Id.ToString(CultureInfo.InvariantCulture))),
                    new OutboundButton(context.T(RosterNo), keys.Issue(context.PersonId, "rpt.notme", suggested.Id.ToString(CultureInfo.InvariantCulture))),
                ]), ct);
        }
    }

    private async Task FinishEditAsync(BotContext context, Subscriber subscriber, CancellationToken ct)
    {
        subscriber.Conversation = null;
        subscriber.Draft = null;
        await SaveAsync(subscriber);
        await context.ReplyAsync(Saved, ct);
        await ShowProfileAsync(context, ct);
    }
}
