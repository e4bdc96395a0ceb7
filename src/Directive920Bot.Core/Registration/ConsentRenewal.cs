using Directive920Bot.Channels;
using Directive920Bot.Hosting;
using Directive920Bot.Localization;
using Directive920Bot.Storage;
using Microsoft.Extensions.Options;
using static Directive920Bot.Registration.RegistrationTexts;

namespace Directive920Bot.Registration;

/// <summary>
/// A registered person whose consent was given to another version of the consent text (a new controller, contact,
/// retention period or wording) is asked again before anything else they send is handled: consent covers the text it
/// was given to. Their rights stay open meanwhile — /mydata, /stop and /delete (and the delete confirmation) pass.
/// Agreeing records the new version; declining withdraws consent: messages stop and the data waits for /delete.
/// Scheduled lessons keep going out under the consent already given until the person answers.
/// </summary>
public sealed class ConsentRenewal(
    ISubscribers subscribers,
    IStorage storage,
    CallbackKeyStore keys,
    ConsentText consent,
    BotClock clock,
    IOptions<PrivacyOptions> privacy) : IInboundGate, ICallbackHandler
{
    private const string RenewAction = "consent.renew";
    private const string DeclineAction = "consent.decline";
    private static readonly TimeSpan ButtonLifetime = TimeSpan.FromDays(7);
    private static readonly HashSet<string> RightsCommands = new(StringComparer.Ordinal) { "mydata", "stop", "delete" };

    public string Feature => "consent";

    public async Task<bool> HoldAsync(BotContext context, InboundKind kind, string? name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!NeedsRenewal(context.Subscriber) ||
            (kind == InboundKind.Command && name is not null && RightsCommands.Contains(name)) ||
            (kind == InboundKind.Press && name is not null && (name.StartsWith("consent.", StringComparison.Ordinal) || name == "reg.delete")))
        {
            return false;
        }

        await context.ReplyAsync(new OutboundMessage(consent.Changed(context.Language) + "\n\n" + context.T(RightsMeanwhile)).WithButtons(
        [
            new OutboundButton(context.T(Agree), keys.Issue(context.PersonId, RenewAction, consent.Version, ButtonLifetime)),
            new OutboundButton(context.T(Disagree), keys.Issue(context.PersonId, DeclineAction, consent.Version, ButtonLifetime)),
        ]), ct);
        return true;
    }

    public async Task<CallbackReply> HandleAsync(BotContext context, CallbackKey key, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(press);
        var subscriber = context.Subscriber;
        if (subscriber is null || !NeedsRenewal(subscriber) || key.Payload != consent.Version)
        {
            // Answered already, or a button of an older text: nothing to record.
            return new CallbackReply(context.T(ConsentUpToDate));
        }

        if (key.Action == RenewAction)
        {
            subscriber.ConsentVersion = consent.Version;
            subscriber.ConsentAt = clock.UtcNow.UtcDateTime;
            await storage.WriteAsync(tx => subscribers.Save(tx, subscriber));
            await EditAsync(context, press, context.T(Agree).TrimStart('✅', ' '), ct);
            await context.ReplyAsync(ConsentRenewed, ct);
            return CallbackReply.Silent;
        }

        subscriber.Status = SubscriberStatus.Stopped;
        await storage.WriteAsync(tx => subscribers.Save(tx, subscriber));
        await EditAsync(context, press, context.T(Disagree), ct);
        await context.ReplyAsync(ConsentDeclined, ct);
        return CallbackReply.Silent;
    }

    private bool NeedsRenewal(Subscriber? subscriber) =>
        privacy.Value.AskAgainWhenConsentChanges && subscriber is { IsRegistered: true } && subscriber.ConsentVersion != consent.Version;

    private async Task EditAsync(BotContext context, ButtonPress press, string choice, CancellationToken ct)
    {
        if (press.MessageId is { } id)
        {
            // The message stays as the record of what was answered, without its buttons.
            await context.Sender.EditAsync(context.PersonId, id, new OutboundMessage(consent.Changed(context.Language) + "\n\n" + TelegramChoice(choice)), ct);
        }
    }

    private static string TelegramChoice(string choice) => "✅ " + Content.TelegramHtml.Escape(choice);
}
