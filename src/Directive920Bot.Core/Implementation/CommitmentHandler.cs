using System.Globalization;
using System.Text;
using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using static Directive920Bot.Implementation.CommitmentTexts;

namespace Directive920Bot.Implementation;

/// <summary>
/// <c>/camket</c> (<c>/commitment</c>): a cadre registers, changes or clears a short commitment per staff requirement for
/// the year, and assesses it when a round is open; a unit admin also reads the commitments of their own units' cadres.
/// The reminder's assessment buttons (<see cref="CommitmentDecorator"/>) come back here.
/// </summary>
public sealed class CommitmentHandler(
    CommitmentService service,
    ISubscribers subscribers,
    IUnits units,
    IStorage storage,
    CallbackKeyStore keys) : ICommandHandler, ICallbackHandler, IConversationHandler
{
    public const string Action = "cmt.go";
    public const string ConversationPrefix = "cmt";
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(45);

    public IReadOnlyList<CommandSpec> Commands { get; } =
    [
        new("commitment", new("Đăng ký cam kết", "My commitments"), CommandAccess.Registered, true, "camket"),
    ];

    public string Feature => "cmt";

    public string Prefix => ConversationPrefix;

    public async Task HandleAsync(BotContext context, CommandSpec command, string arguments, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Subscriber is not { IsRegistered: true })
        {
            await context.ReplyAsync(RegisterFirst, ct);
            return;
        }

        await context.ReplyAsync(Overview(context), ct);
    }

    public async Task<CallbackReply> HandleAsync(BotContext context, CallbackKey key, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Payload.Split('|');
        if (parts.Length != 4 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || context.Subscriber is not { IsRegistered: true } person)
        {
            return CallbackReply.Silent;
        }

        var (verb, requirementId, round) = (parts[0], parts[1], parts[3]);
        switch (verb)
        {
            case "edit":
                person.Conversation = ConversationPrefix + "." + requirementId;
                await storage.WriteAsync(tx => subscribers.Save(tx, person));
                await context.ReplyAsync(Ask.Format(context.Language, requirementId, Localization.Numbers.Count(service.MaxText, context.Language)), ct);
                return CallbackReply.Silent;
            case "clear":
                await service.SetTextAsync(person, requirementId, null);
                await RefreshAsync(context, press, ct);
                return new CallbackReply(context.T(Cleared));
            case "unit":
                // Checked again on the press: an admin whose role was revoked reads nothing.
                if (!context.Access.IsAdmin)
                {
                    return new CallbackReply(context.T(OutOfScope), Alert: true);
                }

                await context.ReplyAsync(UnitView(context, year), ct);
                return CallbackReply.Silent;
            case "a0" or "a1" or "a2" when Enum.TryParse<CommitmentRound>(round, out var r):
                var value = (SelfAssessment)(verb[1] - '0');
                var outcome = await service.AssessAsync(context.PersonId, year, requirementId, r, value);
                if (outcome != CommitmentOutcome.Saved)
                {
                    return new CallbackReply(context.T(RoundClosed), Alert: true);
                }

                return new CallbackReply(AssessSaved.Format(context.Language, requirementId + " – " + CommitmentService.AssessmentLabel(value, context.Language)));
            default:
                return CallbackReply.Silent;
        }
    }

    public async Task ContinueAsync(BotContext context, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(message);
        var person = context.Subscriber;
        var requirementId = person?.Conversation?.Split('.', 2) is [_, var id] ? id : "";
        if (person is null || service.Requirement(requirementId) is null)
        {
            await EndAsync(person);
            return;
        }

        var text = message.Text.Trim();
        if (text.Length == 0)
        {
            await context.ReplyAsync(TextOnly, ct);
            return;
        }

        if (await service.SetTextAsync(person, requirementId, text) == CommitmentOutcome.TooLong)
        {
            await context.ReplyAsync(TooLong.Format(context.Language, Localization.Numbers.Count(service.MaxText, context.Language)), ct);
            return;
        }

        await EndAsync(person);
        await context.ReplyAsync(Saved, ct);
        await context.ReplyAsync(Overview(context), ct);
    }

    /// <summary>The assessment buttons of a round: one row per commitment the person has (none when they have none).</summary>
    public IReadOnlyList<IReadOnlyList<OutboundButton>> AssessButtons(long personId, int year, CommitmentRound round, string language)
    {
        var commitment = service.Find(year, personId);
        if (commitment is null)
        {
            return [];
        }

        string K(string verb, string requirementId) =>
            keys.Issue(personId, Action, string.Join('|', verb, requirementId, year.ToString(CultureInfo.InvariantCulture), round.ToString()), KeyLifetime);
        return commitment.Items.Select(i => (IReadOnlyList<OutboundButton>)
        [
            new(DoneButton.Format(language, i.RequirementId), K("a2", i.RequirementId)),
            new(PartlyButton.Format(language, i.RequirementId), K("a1", i.RequirementId)),
            new(NotYetButton.Format(language, i.RequirementId), K("a0", i.RequirementId)),
        ]).ToList();
    }

    private OutboundMessage Overview(BotContext context)
    {
        var year = service.CurrentYear;
        var commitment = service.Find(year, context.PersonId);
        var round = service.CurrentRound;
        var text = new StringBuilder(Title.Format(context.Language, year.ToString(CultureInfo.InvariantCulture), Localization.Numbers.Count(service.MaxText, context.Language)));
        var buttons = new List<IReadOnlyList<OutboundButton>>();
        string K(string verb, string requirementId) =>
            keys.Issue(context.PersonId, Action, string.Join('|', verb, requirementId, year.ToString(CultureInfo.InvariantCulture), round?.ToString() ?? "-"), KeyLifetime);
        foreach (var requirement in service.Requirements())
        {
            var item = commitment?.Items.FirstOrDefault(i => i.RequirementId == requirement.Id);
            text.Append("\n\n").Append(Line.Format(context.Language, requirement.Id, TelegramHtml.Escape(requirement.Title(context.Language)),
                item is null ? context.T(None) : TelegramHtml.Escape(item.Text)));
            foreach (var r in new[] { CommitmentRound.MidYear, CommitmentRound.YearEnd })
            {
                if (item?.For(r) is { } assessed)
                {
                    text.Append('\n').Append(Assessed.Format(context.Language, CommitmentService.RoundLabel(r, context.Language), CommitmentService.AssessmentLabel(assessed, context.Language)));
                }
            }

            var row = new List<OutboundButton> { new(EditButton.Format(context.Language, requirement.Id), K("edit", requirement.Id)) };
            if (item is not null)
            {
                row.Add(new(ClearButton.Format(context.Language, requirement.Id), K("clear", requirement.Id)));
            }

            buttons.Add(row);
        }

        if (round is { } open && commitment is { Items.Count: > 0 })
        {
            buttons.AddRange(AssessButtons(context.PersonId, year, open, context.Language));
        }

        if (context.Access.IsAdmin)
        {
            buttons.Add([new(context.T(UnitButton), K("unit", "-"))]);
        }

        return new OutboundMessage(text.ToString(), buttons);
    }

    /// <summary>The commitments and self-assessments of the cadres of the admin's own units (their scope, never wider).</summary>
    private string UnitView(BotContext context, int year)
    {
        if (context.Access.IsBlocAdmin)
        {
            // The bloc gets counts, never the texts: those stay with the cadre's own unit.
            return CountsText(context.Language, year, service.Counts(year, context.Access.VisibleUnits(units)));
        }

        var mine = service.ForUnits(year, context.Access.VisibleUnits(units));
        if (mine.Count == 0)
        {
            return UnitEmpty.Format(context.Language, year.ToString(CultureInfo.InvariantCulture));
        }

        var text = new StringBuilder(UnitTitle.Format(context.Language, year.ToString(CultureInfo.InvariantCulture), mine.Count));
        foreach (var commitment in mine.Take(50))
        {
            var name = subscribers.Find(commitment.PersonId)?.FullName ?? "—";
            var unit = commitment.UnitCode is { } code ? units.Find(code)?.Name ?? code : "";
            text.Append("\n\n<b>").Append(TelegramHtml.Escape(name)).Append("</b> (").Append(TelegramHtml.Escape(unit)).Append(')');
            foreach (var item in commitment.Items)
            {
                text.Append("\n• ").Append(item.RequirementId).Append(": ").Append(TelegramHtml.Escape(item.Text))
                    .Append(" — ").Append(CommitmentService.RoundLabel(CommitmentRound.MidYear, context.Language)).Append(": ")
                    .Append(CommitmentService.AssessmentLabel(item.MidYear, context.Language))
                    .Append("; ").Append(CommitmentService.RoundLabel(CommitmentRound.YearEnd, context.Language)).Append(": ")
                    .Append(CommitmentService.AssessmentLabel(item.YearEnd, context.Language));
            }
        }

        return text.ToString();
    }

    public static string CountsText(string language, int year, IReadOnlyList<CommitmentCounts> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var text = new StringBuilder(BlocTitle.Format(language, year.ToString(CultureInfo.InvariantCulture)));
        foreach (var c in counts)
        {
            text.Append('\n').Append(BlocLine.Format(language, c.RequirementId, c.Committed, c.MidYearDone, c.MidYearPartly, c.MidYearNotYet,
                c.YearEndDone, c.YearEndPartly, c.YearEndNotYet));
        }

        return text.ToString();
    }

    private async Task RefreshAsync(BotContext context, ButtonPress? press, CancellationToken ct)
    {
        if (press?.MessageId is { } messageId)
        {
            await context.Sender.EditAsync(context.PersonId, messageId, Overview(context), ct);
        }
    }

    private async Task EndAsync(Subscriber? person)
    {
        if (person?.Conversation?.StartsWith(ConversationPrefix + ".", StringComparison.Ordinal) == true)
        {
            person.Conversation = null;
            await storage.WriteAsync(tx => subscribers.Save(tx, person));
        }
    }
}
