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
/// Scheduled lessons keep going out under the consent already given until the person answers. A vote on a quiz poll
/// (it comes without a chat, past the router's gates) is checked by its handler with <see cref="Accepts"/> and held the
/// same way (<see cref="AskAgainAsync"/>); agreeing tells the <see cref="IConsentObserver"/>s, which ask held questions again.
/// </summary>
public sealed class ConsentRenewal(
    ISubscribers subscribers,
    IStorage storage,
    CallbackKeyStore keys,
    ConsentText consent,
    BotClock clock,
    IChannelSender channel,
    IEnumerable<IConsentObserver> observers,
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

        await context.ReplyAsync(Question(context.PersonId, context.Language, ""), ct);
        return true;
    }

    /// <summary>
    /// Whether input of <paramref name="subscriber"/> may be recorded: they consented (a stored subscriber exists only
    /// after consent), registered, and — unless asking again is off — to the current version of the consent text.
    /// </summary>
    public bool Accepts(Subscriber? subscriber) => subscriber is { IsRegistered: true } && !NeedsRenewal(subscriber);

    /// <summary>
    /// Asks a registered person whose consent is outdated again, for input that came without a chat (a quiz-poll vote),
    /// saying that the vote was not recorded. Nothing is sent to anyone else: a person who never consented is not written to.
    /// </summary>
    public async Task AskAgainAsync(Subscriber subscriber, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (NeedsRenewal(subscriber))
        {
            await channel.ReplyAsync(subscriber.Id, Question(subscriber.Id, subscriber.Language, VoteHeld.For(subscriber.Language) + "\n\n"), ct);
        }
    }

    private OutboundMessage Question(long personId, string language, string lead) =>
        new OutboundMessage(lead + consent.Changed(language) + "\n\n" + RightsMeanwhile.For(language)).WithButtons(
        [
            new OutboundButton(Agree.For(language), keys.Issue(personId, RenewAction, consent.Version, ButtonLifetime)),
            new OutboundButton(Disagree.For(language), keys.Issue(personId, DeclineAction, consent.Version, ButtonLifetime)),
        ]);

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
            foreach (var observer in observers)
            {
                await observer.OnConsentRenewedAsync(subscriber.Id, ct);
            }

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
