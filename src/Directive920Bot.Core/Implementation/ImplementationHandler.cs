using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Localization;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using static Directive920Bot.Implementation.ImplementationTexts;

namespace Directive920Bot.Implementation;

/// <summary>
/// <c>/thuchien</c>: walks a unit admin through the requirements of the current period, one message each, with buttons
/// for the status and typed replies (and an attached file) for the rest. Every press checks the unit scope again.
/// </summary>
public sealed class ImplementationHandler(
    ImplementationService service,
    IImplementationReports store,
    EvidenceFiles evidence,
    IChannelFiles files,
    IUnits units,
    ISubscribers subscribers,
    IStorage storage,
    CallbackKeyStore keys) : ICommandHandler, ICallbackHandler, IConversationHandler, IDocumentHandler
{
    public const string Action = "impl.go";
    public const string TextConversation = "impl.text";
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(30);

    public IReadOnlyList<CommandSpec> Commands { get; } =
    [
        new("implementation", new("Báo cáo kết quả thực hiện", "Report on implementation"), CommandAccess.UnitAdmin, true, "thuchien"),
    ];

    public string Feature => "impl";

    public string Prefix => "impl";

    public async Task HandleAsync(BotContext context, CommandSpec command, string arguments, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Subscriber is null)
        {
            await context.ReplyAsync(RegisterFirst, ct);
            return;
        }

        var mine = service.ReportingUnits(context.Access.VisibleUnits(units));
        if (mine.Count == 0)
        {
            await context.ReplyAsync(NoUnit, ct);
            return;
        }

        var period = service.CurrentPeriod;
        if (mine.Count > 1)
        {
            await context.ReplyAsync(new OutboundMessage(context.T(ChooseUnit),
                mine.Select(u => (IReadOnlyList<OutboundButton>)[new OutboundButton(u.Name, Key(context, u.Code, period, "", "unit"))]).ToList()), ct);
            return;
        }

        await StartAsync(context, mine[0], period, ct);
    }

    public async Task<CallbackReply> HandleAsync(BotContext context, CallbackKey key, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Payload.Split('|');
        if (parts.Length != 4 || !ReportingPeriod.TryParse(parts[1], out var period))
        {
            return CallbackReply.Silent;
        }

        var (unitCode, requirementId, verb) = (parts[0], parts[2], parts[3]);
        if (!context.Access.IsAdmin || !context.Access.Covers(units, unitCode) || units.Find(unitCode) is not { } unit)
        {
            return new CallbackReply(context.T(OutOfScope), Alert: true);
        }

        if (verb == "unit")
        {
            await StartAsync(context, unit, period, ct);
            return CallbackReply.Silent;
        }

        var requirements = service.Requirements();
        var index = requirements.ToList().FindIndex(r => r.Id == requirementId);
        if (index < 0)
        {
            return CallbackReply.Silent;
        }

        switch (verb)
        {
            case "next":
                if (index + 1 >= requirements.Count)
                {
                    return new CallbackReply(context.T(LastItem));
                }

                await SendCardAsync(context, unitCode, period, index + 1, ct);
                return CallbackReply.Silent;
            case "end":
                await EndConversationAsync(context);
                await context.ReplyAsync(Finished, ct);
                return CallbackReply.Silent;
            case "s0" or "s1" or "s2":
                var status = (ImplementationStatus)(verb[1] - '0');
                var outcome = await service.ChangeAsync(Actor.Bot(context.PersonId), period, unitCode, requirementId, new ReportChange(status));
                if (outcome == ChangeOutcome.Locked)
                {
                    return new CallbackReply(LockedPeriod.Format(context.Language, period.Label(context.Language)), Alert: true);
                }

                if (press?.MessageId is { } messageId)
                {
                    await context.Sender.EditAsync(context.PersonId, messageId, Card(context, unitCode, period, index), ct);
                }

                return new CallbackReply(StatusSaved.Format(context.Language, ImplementationService.StatusLabel(status, context.Language)));
            default:
                if (!Enum.TryParse<ImplementationField>(verb, out var field))
                {
                    return CallbackReply.Silent;
                }

                if (service.IsLocked(period))
                {
                    return new CallbackReply(LockedPeriod.Format(context.Language, period.Label(context.Language)), Alert: true);
                }

                await AskAsync(context, unitCode, period, requirementId, field, ct);
                return CallbackReply.Silent;
        }
    }

    public async Task ContinueAsync(BotContext context, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(message);
        var draft = store.Draft(context.PersonId);
        if (draft?.Field is null || !Enum.TryParse<ImplementationField>(draft.Field, out var field)
            || !ReportingPeriod.TryParse(draft.PeriodId, out var period))
        {
            await EndConversationAsync(context);
            await context.ReplyAsync(Finished, ct);
            return;
        }

        if (!context.Access.IsAdmin || !context.Access.Covers(units, draft.UnitCode))
        {
            await EndConversationAsync(context);
            await context.ReplyAsync(OutOfScope, ct);
            return;
        }

        var text = message.Text.Trim();
        if (text.Length == 0)
        {
            await context.ReplyAsync(TextOnly, ct);
            return;
        }

        if (text.Length > ImplementationService.MaxText)
        {
            await context.ReplyAsync(TooLong.Format(context.Language, Localization.Numbers.Count(ImplementationService.MaxText, context.Language)), ct);
            return;
        }

        var change = field switch
        {
            ImplementationField.Actions => new ReportChange(Actions: text),
            ImplementationField.Results => new ReportChange(Results: text),
            ImplementationField.Difficulties => new ReportChange(Difficulties: text),
            ImplementationField.Proposals => new ReportChange(Proposals: text),
            _ => new ReportChange(EvidenceLink: text),
        };
        var outcome = await service.ChangeAsync(Actor.Bot(context.PersonId), period, draft.UnitCode, draft.RequirementId, change);
        if (outcome == ChangeOutcome.Invalid)
        {
            await context.ReplyAsync(field == ImplementationField.EvidenceLink ? BadLink : TextOnly, ct);
            return;
        }

        await EndConversationAsync(context, keepDraft: draft);
        if (outcome == ChangeOutcome.Locked)
        {
            await context.ReplyAsync(LockedPeriod.Format(context.Language, period.Label(context.Language)), ct);
            return;
        }

        await context.ReplyAsync(Saved, ct);
        await SendCardAsync(context, draft.UnitCode, period, IndexOf(draft.RequirementId), ct);
    }

    public async Task<bool> TryHandleAsync(BotContext context, InboundDocument document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(document);
        var draft = store.Draft(context.PersonId);
        if (draft?.Field != nameof(ImplementationField.EvidenceLink) || context.Subscriber?.Conversation != TextConversation
            || !ReportingPeriod.TryParse(draft.PeriodId, out var period))
        {
            return false;
        }

        if (!context.Access.IsAdmin || !context.Access.Covers(units, draft.UnitCode))
        {
            await EndConversationAsync(context);
            await context.ReplyAsync(OutOfScope, ct);
            return true;
        }

        var megabytes = MaxMegabytes(context.Language);
        if (document.FileSize is { } size && size > evidence.MaxBytes)
        {
            await context.ReplyAsync(BadFile.Format(context.Language, megabytes), ct);
            return true;
        }

        byte[] content;
        await using (var stream = await files.OpenAsync(document.FileId, ct))
        using (var buffer = new MemoryStream())
        {
            await stream.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }

        if (content.Length == 0 || content.Length > evidence.MaxBytes || EvidenceFiles.Sniff(content) is not { } type)
        {
            await context.ReplyAsync(BadFile.Format(context.Language, megabytes), ct);
            return true;
        }

        if (service.IsLocked(period))
        {
            await EndConversationAsync(context, keepDraft: draft);
            await context.ReplyAsync(LockedPeriod.Format(context.Language, period.Label(context.Language)), ct);
            return true;
        }

        var saved = evidence.Save(content, document.FileName ?? "minh-chung", type);
        var outcome = await service.ChangeAsync(Actor.Bot(context.PersonId), period, draft.UnitCode, draft.RequirementId, new ReportChange(Evidence: saved));
        await EndConversationAsync(context, keepDraft: draft);
        if (outcome == ChangeOutcome.Locked)
        {
            // Locked between the check above and the change: the file was not kept, and the admin is told why.
            await context.ReplyAsync(LockedPeriod.Format(context.Language, period.Label(context.Language)), ct);
            return true;
        }

        await context.ReplyAsync(EvidenceSaved.Format(context.Language, TelegramHtml.Escape(saved.FileName)), ct);
        await SendCardAsync(context, draft.UnitCode, period, IndexOf(draft.RequirementId), ct);
        return true;
    }

    private async Task StartAsync(BotContext context, Unit unit, ReportingPeriod period, CancellationToken ct)
    {
        var deadline = Dates.DayWithWeekday(period.End, context.Language);
        await context.ReplyAsync(Intro.Format(context.Language, TelegramHtml.Escape(unit.Name), period.Label(context.Language), deadline,
            service.Requirements().Count), ct);
        if (service.IsLocked(period))
        {
            await context.ReplyAsync(LockedPeriod.Format(context.Language, period.Label(context.Language)), ct);
        }

        await SendCardAsync(context, unit.Code, period, 0, ct);
    }

    private Task<SendResult> SendCardAsync(BotContext context, string unitCode, ReportingPeriod period, int index, CancellationToken ct) =>
        context.ReplyAsync(Card(context, unitCode, period, index), ct);

    private OutboundMessage Card(BotContext context, string unitCode, ReportingPeriod period, int index)
    {
        var requirements = service.Requirements();
        var requirement = requirements[Math.Clamp(index, 0, requirements.Count - 1)];
        var report = service.Find(period, unitCode, requirement.Id);
        string Show(string? text) => text is null ? context.T(Empty) : TelegramHtml.Escape(text);
        var evidenceText = report?.Evidence is { } file ? TelegramHtml.Escape(file.FileName) : Show(report?.EvidenceLink);
        var html = CardText.Format(context.Language, requirement.Id, index + 1, requirements.Count, TelegramHtml.Escape(requirement.Title(context.Language)),
            ImplementationService.StatusLabel(report?.Status, context.Language), Show(report?.Actions), Show(report?.Results),
            Show(report?.Difficulties), Show(report?.Proposals), evidenceText);
        if (service.IsLocked(period))
        {
            return new OutboundMessage(html);
        }

        string K(string verb) => Key(context, unitCode, period, requirement.Id, verb);
        return new OutboundMessage(html).WithButtons(
            [new(context.T(NotStartedButton), K("s0")), new(context.T(InProgressButton), K("s1")), new(context.T(DoneButton), K("s2"))],
            [new(context.T(ActionsButton), K(nameof(ImplementationField.Actions))), new(context.T(ResultsButton), K(nameof(ImplementationField.Results)))],
            [new(context.T(DifficultiesButton), K(nameof(ImplementationField.Difficulties))), new(context.T(ProposalsButton), K(nameof(ImplementationField.Proposals)))],
            [new(context.T(EvidenceButton), K(nameof(ImplementationField.EvidenceLink)))],
            [new(context.T(NextButton), K("next")), new(context.T(FinishButton), K("end"))]);
    }

    private async Task AskAsync(BotContext context, string unitCode, ReportingPeriod period, string requirementId, ImplementationField field, CancellationToken ct)
    {
        var subscriber = context.Subscriber ?? subscribers.Find(context.PersonId);
        if (subscriber is null)
        {
            await context.ReplyAsync(RegisterFirst, ct);
            return;
        }

        var draft = new ImplementationDraft { Id = context.PersonId, UnitCode = unitCode, PeriodId = period.Id, RequirementId = requirementId, Field = field.ToString() };
        subscriber.Conversation = TextConversation;
        await storage.WriteAsync(tx =>
        {
            store.SaveDraft(tx, draft);
            subscribers.Save(tx, subscriber);
        });
        var ask = field switch
        {
            ImplementationField.Actions => AskActions.Format(context.Language, requirementId),
            ImplementationField.Results => AskResults.Format(context.Language, requirementId),
            ImplementationField.Difficulties => AskDifficulties.Format(context.Language, requirementId),
            ImplementationField.Proposals => AskProposals.Format(context.Language, requirementId),
            _ => AskEvidence.Format(context.Language, MaxMegabytes(context.Language)),
        };
        await context.ReplyAsync(ask, ct);
    }

    private async Task EndConversationAsync(BotContext context, ImplementationDraft? keepDraft = null)
    {
        var subscriber = context.Subscriber ?? subscribers.Find(context.PersonId);
        await storage.WriteAsync(tx =>
        {
            if (keepDraft is not null)
            {
                keepDraft.Field = null;
                store.SaveDraft(tx, keepDraft);
            }
            else
            {
                store.DeleteDraft(tx, context.PersonId);
            }

            if (subscriber?.Conversation?.StartsWith("impl.", StringComparison.Ordinal) == true)
            {
                subscriber.Conversation = null;
                subscribers.Save(tx, subscriber);
            }
        });
    }

    private int IndexOf(string requirementId) => Math.Max(0, service.Requirements().ToList().FindIndex(r => r.Id == requirementId));

    private string MaxMegabytes(string language) => Localization.Numbers.OneDecimal(evidence.MaxBytes / 1024d / 1024d, language);

    private string Key(BotContext context, string unitCode, ReportingPeriod period, string requirementId, string verb) =>
        keys.Issue(context.PersonId, Action, $"{unitCode}|{period.Id}|{requirementId}|{verb}", KeyLifetime);
}
