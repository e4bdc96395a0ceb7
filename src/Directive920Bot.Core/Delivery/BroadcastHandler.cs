using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Hosting;
using Directive920Bot.Localization;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using static Directive920Bot.Delivery.BroadcastTexts;

namespace Directive920Bot.Delivery;

/// <summary>
/// /broadcast (/guithongbao): text or lesson → audience (units, roles) → now or a local time → preview → confirm;
/// /campaigns (/dotgui): list, inspect (live progress) and cancel. Campaign logic stays in <see cref="CampaignService"/>.
/// </summary>
public sealed class BroadcastHandler(
    CampaignService campaigns,
    MessageComposer composer,
    IBroadcastDrafts drafts,
    IStorage storage,
    ContentService content,
    IUnits units,
    ISubscribers subscribers,
    CallbackKeyStore keys,
    CampaignLabels labels,
    BotClock clock) : ICommandHandler, IConversationHandler, ICallbackHandler
{
    private const string TextStep = "bc.text";
    private const string TimeStep = "bc.time";
    private const string TimeFormat = "dd/MM/yyyy HH:mm";
    private const int PageSize = 8;
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(2);

    /// <summary>The one key every button of a preview carries: pressing it only says that it is a preview.</summary>
    public const string PreviewAction = "bc.preview";

    public IReadOnlyList<CommandSpec> Commands { get; } =
    [
        new("broadcast", new("Gửi thông báo, lên lịch bài học", "Send an announcement, schedule a lesson"), CommandAccess.BlocAdmin, true, "guithongbao"),
        new("campaigns", new("Các chiến dịch", "Campaigns"), CommandAccess.BlocAdmin, true, "chiendich", "dotgui"),
    ];

    public string Prefix => "bc";

    public string Feature => "bc";

    public async Task HandleAsync(BotContext context, CommandSpec command, string arguments, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Name == "campaigns")
        {
            await ListAsync(context, ct);
            return;
        }

        await SaveAsync(new BroadcastDraft { Id = context.PersonId });
        SetStep(context, null);
        var rows = new List<IReadOnlyList<OutboundButton>> { new[] { Button(context, TextButton, "bc.text") } };
        var catalog = content.Current;
        foreach (var item in catalog.Track.Concat(catalog.Announcements).DistinctBy(i => i.Id))
        {
            rows.Add([new OutboundButton(Label(item, context.Language), keys.Issue(context.PersonId, "bc.lesson", item.Id, KeyLifetime))]);
        }

        await context.ReplyAsync(new OutboundMessage(context.T(ChooseKind)).WithButtons([.. rows]), ct);
    }

    public async Task ContinueAsync(BotContext context, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(message);
        var draft = drafts.Find(context.PersonId);
        if (draft is null || !context.Access.IsBlocAdmin)
        {
            SetStep(context, null);
            await context.ReplyAsync(NoDraft, ct);
            return;
        }

        var text = message.Text.Trim();
        switch (context.Subscriber?.Conversation)
        {
            case TextStep:
                if (string.IsNullOrWhiteSpace(text))
                {
                    await context.ReplyAsync(TextRequired, ct);
                    return;
                }

                draft.Text = text;
                draft.LessonId = null;
                await SaveAsync(draft);
                SetStep(context, null);
                await AskAudienceAsync(context, ct);
                return;
            case TimeStep:
                await OnTimeAsync(context, draft, text, ct);
                return;
            default:
                SetStep(context, null);
                await context.ReplyAsync(NoDraft, ct);
                return;
        }
    }

    public async Task<CallbackReply> HandleAsync(BotContext context, CallbackKey key, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(key);

        // The role may have been revoked since the button was shown: check again on the server.
        if (!context.Access.IsBlocAdmin)
        {
            return new CallbackReply(context.T(NotAllowed), Alert: true);
        }

        var messageId = press?.MessageId;
        switch (key.Action)
        {
            case "bc.show":
                await ShowAsync(context, key.Payload, null, ct);
                return CallbackReply.Silent;
            case "bc.refresh":
                await ShowAsync(context, key.Payload, messageId, ct);
                return CallbackReply.Silent;
            case "bc.stop":
                await context.ReplyAsync(new OutboundMessage(ConfirmCancel.Format(context.Language, CampaignName(context, key.Payload))).WithButtons(
                [
                    Button(context, YesCancel, "bc.stopok", key.Payload),
                    Button(context, Keep, "bc.keep", key.Payload),
                ]), ct);
                return CallbackReply.Silent;
            case "bc.stopok":
                return await CancelCampaignAsync(context, key.Payload, ct);
            case "bc.keep":
                return CallbackReply.Silent;
            case PreviewAction:
                return new CallbackReply(context.T(PreviewButtonPressed), Alert: true);
        }

        var draft = drafts.Find(context.PersonId);
        if (draft is null)
        {
            return new CallbackReply(context.T(NoDraft), Alert: true);
        }

        switch (key.Action)
        {
            case "bc.text":
                if (context.Subscriber is null)
                {
                    await context.ReplyAsync(RegisterFirst, ct);
                    return CallbackReply.Silent;
                }

                SetStep(context, TextStep);
                await context.ReplyAsync(AskText, ct);
                return CallbackReply.Silent;
            case "bc.lesson":
                if (content.Current.Find(key.Payload) is null)
                {
                    return new CallbackReply(context.T(LessonGone), Alert: true);
                }

                draft.LessonId = key.Payload;
                draft.Text = null;
                await SaveAsync(draft);
                SetStep(context, null);
                await AskAudienceAsync(context, ct);
                return CallbackReply.Silent;
            case "bc.all":
                draft.All = true;
                draft.Units = [];
                await SaveAsync(draft);
                await AskRolesAsync(context, ct);
                return CallbackReply.Silent;
            case "bc.pick":
            case "bc.units":
                draft.All = false;
                draft.Page = key.Action == "bc.pick" ? 0 : int.Parse(key.Payload, CultureInfo.InvariantCulture);
                await SaveAsync(draft);
                await ShowUnitsAsync(context, draft, messageId, fresh: key.Action == "bc.pick", ct);
                return CallbackReply.Silent;
            case "bc.tog":
                if (units.Find(key.Payload) is not null)
                {
                    if (!draft.Units.Remove(key.Payload))
                    {
                        draft.Units.Add(key.Payload);
                    }

                    await SaveAsync(draft);
                }

                await ShowUnitsAsync(context, draft, messageId, fresh: false, ct);
                return CallbackReply.Silent;
            case "bc.sub":
                draft.IncludeSubUnits = !draft.IncludeSubUnits;
                await SaveAsync(draft);
                await ShowUnitsAsync(context, draft, messageId, fresh: false, ct);
                return CallbackReply.Silent;
            case "bc.next":
                if (draft.Units.Count == 0)
                {
                    return new CallbackReply(context.T(ChooseAtLeastOne), Alert: true);
                }

                await AskRolesAsync(context, ct);
                return CallbackReply.Silent;
            case "bc.role":
                if (context.Subscriber is null)
                {
                    await context.ReplyAsync(RegisterFirst, ct);
                    return CallbackReply.Silent;
                }

                draft.PartyMembersOnly = key.Payload == "party";
                draft.Roles = key.Payload is "all" or "party" ? [] : [key.Payload];
                await SaveAsync(draft);
                SetStep(context, TimeStep);
                await context.ReplyAsync(new OutboundMessage(AskTime.Format(context.Language, Example())).WithButtons([Button(context, SendNow, "bc.now")]), ct);
                return CallbackReply.Silent;
            case "bc.now":
                draft.SendAt = null;
                await SaveAsync(draft);
                SetStep(context, null);
                await PreviewAsync(context, draft, ct);
                return CallbackReply.Silent;
            case "bc.ok":
                return await CreateAsync(context, draft, ct);
            case "bc.cancel":
                await DeleteDraftAsync(context.PersonId);
                SetStep(context, null);
                await context.ReplyAsync(DraftCancelled, ct);
                return CallbackReply.Silent;
            default:
                return CallbackReply.Silent;
        }
    }

    private async Task OnTimeAsync(BotContext context, BroadcastDraft draft, string text, CancellationToken ct)
    {
        if (!DateTime.TryParseExact(text, [TimeFormat, "d/M/yyyy H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            await context.ReplyAsync(BadTime.Format(context.Language, TelegramHtml.Escape(text), Example()), ct);
            return;
        }

        var at = clock.ToUtc(local);
        if (at <= clock.UtcNow)
        {
            await context.ReplyAsync(PastTime.Format(context.Language, local.ToString(TimeFormat, CultureInfo.InvariantCulture)), ct);
            return;
        }

        draft.SendAt = at.UtcDateTime;
        await SaveAsync(draft);
        SetStep(context, null);
        await PreviewAsync(context, draft, ct);
    }

    /// <summary>"khoảng 12 phút", "khoảng 3 giờ 5 phút", "dưới 1 phút": an estimate read on a phone, not a time span.</summary>
    private static string Duration(BotContext context, TimeSpan left) =>
        left < TimeSpan.FromMinutes(1) ? context.T(UnderAMinute)
        : left < TimeSpan.FromHours(1) ? AboutMinutes.Format(context.Language, (int)Math.Ceiling(left.TotalMinutes))
        : left.Minutes == 0 ? AboutWholeHours.Format(context.Language, (int)left.TotalHours)
        : AboutHours.Format(context.Language, (int)left.TotalHours, left.Minutes);

    /// <summary>
    /// What a bloc admin can do about a draft the campaign service refuses, in their language: the API's field
    /// messages are for integrators. The bot's own steps allow nothing else, so the rest means a stale draft.
    /// </summary>
    private string DraftProblem(BotContext context, BroadcastDraft draft, IReadOnlyDictionary<string, string[]> errors) =>
        errors.ContainsKey("sendAt") && draft.SendAt is { } at
            ? PastTime.Format(context.Language, clock.ToLocal(at).ToString(TimeFormat, CultureInfo.InvariantCulture))
        : errors.ContainsKey("audience.units") ? context.T(UnitGone)
        : context.T(DraftIncomplete);

    /// <summary>The preview is the real message: the same row construction and the same composer the dispatcher uses.</summary>
    private async Task PreviewAsync(BotContext context, BroadcastDraft draft, CancellationToken ct)
    {
        var request = draft.ToRequest();
        var errors = campaigns.Validate(request);
        if (errors.Count > 0)
        {
            await context.ReplyAsync(DraftProblem(context, draft, errors), ct);
            return;
        }

        var self = context.Subscriber ?? new Subscriber { Id = context.PersonId, Language = context.Language };
        var row = campaigns.SampleRow(request, self);
        OutboundMessage? composed;
        using (CallbackKeyStore.Preview(context.PersonId, PreviewAction, KeyLifetime))
        {
            // The same composer and decorators as the real send, so the buttons are the ones cadres get, but inert.
            composed = composer.Compose(row);
        }

        await context.ReplyAsync(PreviewHeader, ct);
        if (composed is not null)
        {
            foreach (var part in MessageComposer.Split(composed))
            {
                await context.ReplyAsync(part, ct);
            }
        }

        var count = campaigns.Resolve(ToAudience(draft)).Count();
        var summary = Summary.Format(context.Language, TelegramHtml.Escape(Describe(context, draft)), AudienceLabel(context, draft), count, When(context, draft.SendAt));
        await context.ReplyAsync(new OutboundMessage(summary).WithButtons([Button(context, Confirm, "bc.ok"), Button(context, Cancel, "bc.cancel")]), ct);
    }

    private async Task<CallbackReply> CreateAsync(BotContext context, BroadcastDraft draft, CancellationToken ct)
    {
        Campaign campaign;
        try
        {
            campaign = campaigns.Create(draft.ToRequest(), Actor.Bot(context.PersonId));
        }
        catch (CampaignValidationException ex)
        {
            await context.ReplyAsync(DraftProblem(context, draft, ex.Errors), ct);
            return CallbackReply.Silent;
        }

        // The draft goes first thing after creating, so a second press finds nothing to create twice.
        await DeleteDraftAsync(context.PersonId);
        SetStep(context, null);
        var count = campaigns.Resolve(campaign.Audience).Count();
        await context.ReplyAsync(Created.Format(context.Language, TelegramHtml.Escape(labels.Title(campaign, context.Language)), Numbers.Count(count, context.Language), When(context, campaign.SendAt)), ct);
        if (campaign.Status == CampaignStatus.AwaitingApproval)
        {
            await context.ReplyAsync(AwaitingApproval, ct);
        }
        return CallbackReply.Silent;
    }

    private async Task ListAsync(BotContext context, CancellationToken ct)
    {
        var recent = clock.UtcNow.UtcDateTime.AddDays(-30);
        var shown = campaigns.List()
            .Select(c => (Campaign: c, Status: CampaignService.StatusOf(c, campaigns.Progress(c.Id))))
            .Where(x => x.Status is "awaiting-approval" or "scheduled" or "sending" || x.Campaign.CreatedAt >= recent)
            .OrderByDescending(x => x.Campaign.CreatedAt)
            .Take(10)
            .ToList();
        if (shown.Count == 0)
        {
            await context.ReplyAsync(NoCampaigns, ct);
            return;
        }

        // Admins tell campaigns apart by content and time; the hex id is the API's and the CLI's, not theirs.
        var lines = shown.Select((x, i) => $"{i + 1}. {TelegramHtml.Escape(labels.Label(x.Campaign, context.Language))} — {Status(x.Status, context.Language)}");
        var buttons = shown.Select((x, i) => (IReadOnlyList<OutboundButton>)[new OutboundButton(
            $"🔎 {i + 1}. {labels.ButtonLabel(x.Campaign, context.Language)}", keys.Issue(context.PersonId, "bc.show", x.Campaign.Id, KeyLifetime))]).ToArray();
        await context.ReplyAsync(new OutboundMessage(context.T(CampaignsHeader) + "\n" + string.Join('\n', lines)).WithButtons(buttons), ct);
    }

    private async Task ShowAsync(BotContext context, string id, int? messageId, CancellationToken ct)
    {
        var campaign = campaigns.Find(id);
        if (campaign is null)
        {
            await context.ReplyAsync(UnknownCampaign, ct);
            return;
        }

        var p = campaigns.Progress(id);
        var status = CampaignService.StatusOf(campaign, p);
        var eta = p.EtaSeconds is { } s ? Eta.Format(context.Language, Duration(context, TimeSpan.FromSeconds(Math.Ceiling(s)))) : "";
        var lang = context.Language;
        var html = CampaignDetail.Format(lang, TelegramHtml.Escape(labels.Label(campaign, lang)), TelegramHtml.Escape(Describe(context, campaign.LessonId, campaign.Text)), Status(status, lang),
            When(context, campaign.SendAt ?? campaign.CreatedAt), TelegramHtml.Escape(labels.Person(campaign.CreatedBy, lang)),
            Numbers.Count(p.Expanded, lang), Numbers.Count(p.Sent, lang), Numbers.Count(p.Failed, lang), Numbers.Count(p.Blocked, lang), Numbers.Count(p.Skipped, lang), Numbers.Count(p.Remaining, lang), eta);
        var buttons = new List<OutboundButton> { Button(context, Refresh, "bc.refresh", id) };
        if (status is "awaiting-approval" or "scheduled" or "sending")
        {
            buttons.Add(Button(context, CancelCampaign, "bc.stop", id));
        }

        var message = new OutboundMessage(html).WithButtons([.. buttons]);
        if (messageId is { } m)
        {
            await context.Sender.EditAsync(context.PersonId, m, message, ct);
        }
        else
        {
            await context.ReplyAsync(message, ct);
        }
    }

    private async Task<CallbackReply> CancelCampaignAsync(BotContext context, string id, CancellationToken ct)
    {
        // An old "confirm cancel" button on a campaign that has finished or was cancelled changes nothing and says so.
        if (campaigns.Find(id) is { } existing && CampaignService.StatusOf(existing, campaigns.Progress(id)) is "completed" or "cancelled")
        {
            var was = existing.Status == CampaignStatus.Cancelled ? WasCancelled : WasCompleted;
            await context.ReplyAsync(NothingToCancel.Format(context.Language, CampaignName(context, id), context.T(was)), ct);
            return CallbackReply.Silent;
        }

        var stopped = campaigns.Cancel(id, Actor.Bot(context.PersonId));
        if (stopped is null)
        {
            return new CallbackReply(context.T(UnknownCampaign), Alert: true);
        }

        await context.ReplyAsync(CampaignCancelled.Format(context.Language, CampaignName(context, id), Numbers.Count(stopped.Value, context.Language)), ct);
        return CallbackReply.Silent;
    }

    private async Task AskAudienceAsync(BotContext context, CancellationToken ct) =>
        await context.ReplyAsync(new OutboundMessage(context.T(ChooseAudience)).WithButtons(
            [Button(context, WholeBloc, "bc.all")],
            [Button(context, ChooseUnits, "bc.pick")]), ct);

    private async Task AskRolesAsync(BotContext context, CancellationToken ct) =>
        await context.ReplyAsync(new OutboundMessage(context.T(ChooseRoles)).WithButtons(
            [Button(context, RoleAll, "bc.role", "all")],
            [Button(context, RoleLeaders, "bc.role", "leader")],
            [Button(context, RoleStaff, "bc.role", "staff")],
            [Button(context, RolePartyMembers, "bc.role", "party")]), ct);

    private async Task ShowUnitsAsync(BotContext context, BroadcastDraft draft, int? messageId, bool fresh, CancellationToken ct)
    {
        var all = units.All();
        var pages = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(draft.Page, 0, pages - 1);
        var rows = new List<IReadOnlyList<OutboundButton>>();
        foreach (var unit in all.Skip(page * PageSize).Take(PageSize))
        {
            var mark = draft.Units.Contains(unit.Code) ? "✅ " : "";
            var indent = new string('·', Math.Max(0, unit.Depth));
            rows.Add([new OutboundButton($"{mark}{indent}{unit.Name}", keys.Issue(context.PersonId, "bc.tog", unit.Code, KeyLifetime))]);
        }

        var nav = new List<OutboundButton>();
        if (page > 0)
        {
            nav.Add(Button(context, Previous, "bc.units", (page - 1).ToString(CultureInfo.InvariantCulture)));
        }

        if (page < pages - 1)
        {
            nav.Add(Button(context, Next, "bc.units", (page + 1).ToString(CultureInfo.InvariantCulture)));
        }

        if (nav.Count > 0)
        {
            rows.Add(nav);
        }

        rows.Add([Button(context, draft.IncludeSubUnits ? SubUnitsOn : SubUnitsOff, "bc.sub")]);
        rows.Add([Button(context, Continue, "bc.next")]);
        var selected = draft.Units.Count == 0 ? context.T(NoneSelected) : string.Join(", ", draft.Units.Select(c => TelegramHtml.Escape(units.DisplayName(c))));
        var message = new OutboundMessage(UnitsPage.Format(context.Language, selected)).WithButtons([.. rows]);
        if (!fresh && messageId is { } m)
        {
            await context.Sender.EditAsync(context.PersonId, m, message, ct);
        }
        else
        {
            await context.ReplyAsync(message, ct);
        }
    }

    private void SetStep(BotContext context, string? step)
    {
        // The step lives on the subscriber so that the router sends typed text here; the draft itself is ours.
        if (subscribers.Find(context.PersonId) is { } subscriber && subscriber.Conversation != step
            && (step is not null || subscriber.Conversation?.StartsWith("bc.", StringComparison.Ordinal) == true))
        {
            subscriber.Conversation = step;
            storage.Write(tx => subscribers.Save(tx, subscriber));
            context.Subscriber = subscriber;
        }
    }

    /// <summary>Stores the draft, stamped with the time of this change.</summary>
    private Task SaveAsync(BroadcastDraft draft)
    {
        draft.UpdatedAt = clock.UtcNow.UtcDateTime;
        return storage.WriteAsync(tx => drafts.Save(tx, draft));
    }

    private Task<bool> DeleteDraftAsync(long adminId) => storage.WriteAsync(tx => drafts.Delete(tx, adminId));

    private static CampaignAudience ToAudience(BroadcastDraft draft) => new()
    {
        All = draft.All,
        Units = draft.All ? [] : [.. draft.Units],
        IncludeSubUnits = draft.IncludeSubUnits,
        Roles = [.. draft.Roles],
        PartyMembersOnly = draft.PartyMembersOnly,
    };

    private OutboundButton Button(BotContext context, Localization.Loc label, string action, string payload = "") =>
        new(context.T(label), keys.Issue(context.PersonId, action, payload, KeyLifetime));

    private static string Label(ContentItem item, string language) => item.For(language).Title;

    private string Describe(BotContext context, BroadcastDraft draft) => Describe(context, draft.LessonId, draft.Text);

    private string Describe(BotContext context, string? lessonId, string? text)
    {
        if (lessonId is not null)
        {
            return content.Current.Find(lessonId) is { } item ? Label(item, context.Language) : lessonId;
        }

        var t = text ?? "";
        return context.T(Announcement) + ": " + (t.Length > 40 ? t[..40] + "…" : t);
    }

    private string AudienceLabel(BotContext context, BroadcastDraft draft)
    {
        var who = draft.All ? context.T(WholeBloc) : string.Join(", ", draft.Units.Select(c => TelegramHtml.Escape(units.DisplayName(c))))
            + (draft.IncludeSubUnits ? context.T(WithSubUnits) : "");
        var roles = draft.PartyMembersOnly ? context.T(RolePartyMembers)
            : draft.Roles.Count == 0 ? context.T(AllRoles) : draft.Roles[0] == "leader" ? context.T(RoleLeaders) : context.T(RoleStaff);
        return $"{who}; {roles}";
    }

    /// <summary>A campaign as an admin reads it ("Bài 3. … – 08:00 ngày 19/11/2026"), escaped for HTML.</summary>
    private string CampaignName(BotContext context, string id) =>
        TelegramHtml.Escape(campaigns.Find(id) is { } c ? labels.Label(c, context.Language) : context.T(UnknownCampaign));

    private string When(BotContext context, DateTime? utc) =>
        utc is { } at ? clock.ToLocal(at).ToString(TimeFormat, CultureInfo.InvariantCulture) : context.T(Now);

    private string Example() => clock.LocalNow.Date.AddDays(1).AddHours(8).ToString(TimeFormat, CultureInfo.InvariantCulture);
}
