using System.Globalization;
using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Localization;
using static Directive920Bot.Registration.RegistrationTexts;

namespace Directive920Bot.Registration;

/// <summary>What a registered cadre does with their account: /language, /stop, /delete and /profile.</summary>
public sealed partial class RegistrationHandler
{
    private async Task<CallbackReply> OnLanguageAsync(BotContext context, string language, CancellationToken ct)
    {
        language = Languages.IsSupported(language) ? language : Languages.Vietnamese;
        context.Language = language;
        if (context.Subscriber is { } subscriber)
        {
            subscriber.Language = language;
            await SaveAsync(subscriber);
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
        await SaveAsync(subscriber);
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
            new OutboundButton(context.T(DeleteYes), keys.Issue(context.PersonId, "reg.delete", "yes")),
            new OutboundButton(context.T(DeleteNo), keys.Issue(context.PersonId, "reg.delete", "no")),
        ]), ct);
    }

    private async Task<CallbackReply> OnDeleteAsync(BotContext context, bool confirmed, int? messageId, CancellationToken ct)
    {
        if (!confirmed)
        {
            if (messageId is { } id)
            {
                await context.Sender.EditAsync(context.PersonId, id, new OutboundMessage(context.T(DeleteCancelled)), ct);
            }

            return CallbackReply.Silent;
        }

        if (context.Subscriber is null)
        {
            return new CallbackReply(context.T(NothingToDelete));
        }

        await personalData.EraseAsync(context.PersonId);
        context.Subscriber = null;
        if (messageId is { } deletedId)
        {
            await context.Sender.EditAsync(context.PersonId, deletedId, new OutboundMessage(context.T(Deleted)), ct);
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
                new OutboundButton(context.T(EditName), keys.Issue(context.PersonId, "reg.edit", "name")),
                new OutboundButton(context.T(EditUnit), keys.Issue(context.PersonId, "reg.edit", "unit")),
            ],
            [
                new OutboundButton(context.T(EditRole), keys.Issue(context.PersonId, "reg.edit", "role")),
                new OutboundButton(context.T(ChangeLanguage), keys.Issue(context.PersonId, "reg.lang", context.Language == "vi" ? "en" : "vi")),
            ]), ct);
    }
}
