using System.Globalization;
using System.Text.RegularExpressions;
using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Hosting;
using Directive920Bot.Localization;
using Directive920Bot.Registration;
using Directive920Bot.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Directive920Bot.WebConsole;

/// <summary>
/// Chiến dịch / Campaigns: the list, the create form (preview, “Gửi thử cho đồng chí” (a test to oneself)), a campaign's page with live progress
/// and recipients, and its actions (approve, cancel, resend to the failed). Every rule is <see cref="CampaignService"/>'s;
/// here each address is checked against the signed-in admin's scope (<see cref="CampaignService.Covers"/>).
/// </summary>
internal static partial class ConsoleCampaigns
{
    private const int PageSize = 50;
    private static readonly TimeSpan PreviewKeyLifetime = TimeSpan.FromDays(2);

    public static RouteGroupBuilder MapConsoleCampaigns(this RouteGroupBuilder console)
    {
        // Roles are exactly the bot's: campaigns (/guithongbao, /chiendich) and the campaign API are a bloc admin's, so
        // every campaign page, fragment and form is too; a unit admin follows delivery through the unit pages.
        var blocOnly = console.MapGroup("").AddEndpointFilter(async (context, next) =>
            context.HttpContext.GetAccess().IsBlocAdmin
                ? await next(context)
                : ConsoleHttp.Message(context.HttpContext, CampaignTexts.BlocAdminsOnly, StatusCodes.Status403Forbidden, "/console"));
        blocOnly.MapGet("/campaigns", (HttpContext http, CampaignService campaigns, CampaignLabels labels) =>
        {
            var grant = http.GetAccess();
            var language = ConsoleHttp.LanguageOf(http);
            var rows = campaigns.List().Where(c => campaigns.Covers(grant, c.Audience))
                .Take(200)
                .Select(c =>
                {
                    var progress = campaigns.Progress(c.Id);
                    return new CampaignRow(c.Id, labels.Title(c, language), labels.When(c, language), CampaignService.StatusOf(c, progress), progress,
                        labels.Person(c.CreatedBy, language));
                })
                .ToList();
            return ConsoleHttp.Page<Components.CampaignsPage>(http, new CampaignsModel(rows, campaigns.ApprovalRequired));
        });

        blocOnly.MapGet("/campaigns/new", (HttpContext http, CampaignService campaigns, IUnits units, ContentService content) =>
            ConsoleHttp.Page<Components.CampaignNewPage>(http, NewModel(http, CampaignForm.Empty, new Dictionary<string, Loc>(), null, null, null, campaigns, units, content)));

        blocOnly.MapPost("/campaigns/new", async Task<IResult> (HttpContext http, CampaignService campaigns, CampaignTestSend tests, MessageComposer composer,
            IUnits units, ContentService content, BotClock clock) =>
        {
            var form = CampaignForm.Read(await http.Request.ReadFormAsync(http.RequestAborted));
            var grant = http.GetAccess();
            var (request, errors) = form.ToRequest(grant, units, clock, campaigns);
            var action = http.Request.Form["do"].ToString();
            var actor = ConsoleActor(http);
            if (errors.Count > 0)
            {
                // Nothing is written on a bad form; the preview still shows what can be shown.
                var preview = action == "preview" ? Preview(http, form, request, errors, campaigns, composer) : null;
                return ConsoleHttp.Page<Components.CampaignNewPage>(http, NewModel(http, form, errors, preview, CampaignTexts.FormErrors, null, campaigns, units, content),
                    StatusCodes.Status422UnprocessableEntity);
            }

            switch (action)
            {
                case "create":
                    try
                    {
                        var campaign = campaigns.Create(request, actor);
                        var done = campaign.Status == CampaignStatus.AwaitingApproval ? "awaiting" : "created";
                        return TypedResults.LocalRedirect($"/console/campaigns/{Uri.EscapeDataString(campaign.Id)}?done={done}");
                    }
                    catch (CampaignValidationException)
                    {
                        // Valid a moment ago (a unit removed, the time passed meanwhile): checked again, shown as before.
                        var (_, again) = form.ToRequest(grant, units, clock, campaigns);
                        return ConsoleHttp.Page<Components.CampaignNewPage>(http, NewModel(http, form, again, null, CampaignTexts.FormErrors, null, campaigns, units, content),
                            StatusCodes.Status422UnprocessableEntity);
                    }

                case "test":
                    var sent = await tests.SendAsync(request, actor, http.RequestAborted);
                    var notice = sent is > 0 ? CampaignTexts.TestSent : CampaignTexts.TestNotSent;
                    return ConsoleHttp.Page<Components.CampaignNewPage>(http, NewModel(http, form, errors, Preview(http, form, request, errors, campaigns, composer), notice, sent,
                        campaigns, units, content));
                default:
                    return ConsoleHttp.Page<Components.CampaignNewPage>(http, NewModel(http, form, errors, Preview(http, form, request, errors, campaigns, composer), null, null,
                        campaigns, units, content));
            }
        });

        // The fragment the create page's script asks for while the admin types (the same form, posted with its token).
        blocOnly.MapPost("/campaigns/preview", async (HttpContext http, CampaignService campaigns, MessageComposer composer, IUnits units, BotClock clock) =>
        {
            var form = CampaignForm.Read(await http.Request.ReadFormAsync(http.RequestAborted));
            var (request, errors) = form.ToRequest(http.GetAccess(), units, clock, campaigns);
            return ConsoleHttp.Page<Components.CampaignPreviewFragment>(http, Preview(http, form, request, errors, campaigns, composer));
        });

        blocOnly.MapGet("/campaigns/{id}", (HttpContext http, string id, string? state, int? page, string? done, int? n,
            CampaignService campaigns, CampaignLabels labels, ISubscribers subscribers, BotClock clock) => Scoped(http, campaigns, id, campaign =>
        {
            var language = ConsoleHttp.LanguageOf(http);
            var grant = http.GetAccess();
            var progress = campaigns.Progress(campaign.Id);
            var status = CampaignService.StatusOf(campaign, progress);
            DeliveryState? filter = state is "failed" ? DeliveryState.Failed : state is "blocked" ? DeliveryState.Blocked : null;
            var rows = campaigns.Deliveries(campaign.Id, filter);
            var pages = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
            var current = Math.Clamp(page ?? 1, 1, pages);
            var recipients = rows.OrderBy(r => r.UnitCode, StringComparer.Ordinal).ThenBy(r => r.SubscriberId)
                .Skip((current - 1) * PageSize).Take(PageSize)
                .Select(r => new RecipientRow(subscribers.Find(r.SubscriberId)?.FullName ?? "#" + r.SubscriberId.ToString(CultureInfo.InvariantCulture),
                    r.UnitCode ?? "", r.State.ToString(), r.LastError, r.SentAt is { } at ? Dates.At(clock.ToLocal(at), language) : null))
                .ToList();
            var (notice, count) = Notice(done, n);
            var model = new CampaignPageModel(campaign.Id, labels.Title(campaign, language), labels.When(campaign, language), campaign.Cron,
                Audience(campaign.Audience, language), labels.Person(campaign.CreatedBy, language),
                campaign.ApprovedBy is { } approver ? labels.Person(approver, language) : null,
                new CampaignProgressModel(campaign.Id, status, progress), recipients, filter is null ? null : state, current, pages,
                CanApprove: campaign.Status == CampaignStatus.AwaitingApproval && grant.IsBlocAdmin && campaign.CreatedById != ConsoleAuth.PersonOf(http.User),
                CanCancel: campaign.Status != CampaignStatus.Cancelled && status != "completed",
                CanResend: progress.Failed > 0 && campaign.Status != CampaignStatus.Cancelled,
                AsOf: clock.UtcNow.UtcTicks.ToString(CultureInfo.InvariantCulture), notice, count);
            return ConsoleHttp.Page<Components.CampaignPage>(http, model);
        }));

        blocOnly.MapGet("/campaigns/{id}/progress", (HttpContext http, string id, CampaignService campaigns) => Scoped(http, campaigns, id, campaign =>
        {
            var progress = campaigns.Progress(campaign.Id);
            return ConsoleHttp.Page<Components.CampaignProgressFragment>(http, new CampaignProgressModel(campaign.Id, CampaignService.StatusOf(campaign, progress), progress));
        }));

        blocOnly.MapPost("/campaigns/{id}/approve", (HttpContext http, string id, CampaignService campaigns) => Scoped(http, campaigns, id, campaign =>
            campaigns.Approve(campaign.Id, ConsoleActor(http)) switch
            {
                ApprovalOutcome.Approved => Back(campaign.Id, "approved"),
                ApprovalOutcome.OwnCampaign => ConsoleHttp.Message(http, CampaignTexts.ApproveOwn, StatusCodes.Status403Forbidden, Path(campaign.Id)),
                ApprovalOutcome.NotBlocAdmin => ConsoleHttp.Message(http, CampaignTexts.ApproveBlocOnly, StatusCodes.Status403Forbidden, Path(campaign.Id)),
                _ => ConsoleHttp.Message(http, CampaignTexts.ApproveNotWaiting, StatusCodes.Status409Conflict, Path(campaign.Id)),
            }));

        blocOnly.MapPost("/campaigns/{id}/cancel", (HttpContext http, string id, CampaignService campaigns) => Scoped(http, campaigns, id, campaign =>
            Back(campaign.Id, "cancelled", campaigns.Cancel(campaign.Id, ConsoleActor(http)) ?? 0)));

        // The form carries the moment its page was shown: rows that failed before it are queued again once, so a double
        // click (or the same form sent twice) does not send anyone a second copy.
        blocOnly.MapPost("/campaigns/{id}/resend", async (HttpContext http, string id, CampaignService campaigns) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var asOf = long.TryParse(form["asOf"], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks is > 0 and <= 3155378975999999999
                ? new DateTime(ticks, DateTimeKind.Utc) : (DateTime?)null;
            return Scoped(http, campaigns, id, campaign => asOf is null
                ? ConsoleHttp.Message(http, CampaignTexts.FormErrors, StatusCodes.Status400BadRequest, Path(campaign.Id))
                : Back(campaign.Id, "resent", campaigns.ResendFailed(campaign.Id, ConsoleActor(http), asOf) ?? 0));
        });
        return console;
    }

    private static Actor ConsoleActor(HttpContext http) => Actor.Web(ConsoleAuth.PersonOf(http.User) ?? AuditLog.Console);

    private static string Path(string id) => "/console/campaigns/" + Uri.EscapeDataString(id);

    private static RedirectHttpResult Back(string id, string done, int? count = null) =>
        TypedResults.LocalRedirect(Path(id) + "?done=" + done + (count is { } n ? "&n=" + n.ToString(CultureInfo.InvariantCulture) : ""));

    private static (Loc? Notice, int? Count) Notice(string? done, int? n) => done switch
    {
        "created" => (CampaignTexts.Created, null),
        "awaiting" => (CampaignTexts.CreatedAwaiting, null),
        "approved" => (CampaignTexts.Approved, null),
        "cancelled" => (CampaignTexts.CancelledNote, n ?? 0),
        "resent" => (CampaignTexts.Resent, n ?? 0),
        _ => (null, null),
    };

    /// <summary>The campaign of the address when the admin's scope covers its audience; otherwise 404 (bloc admins) or 403.</summary>
    private static IResult Scoped(HttpContext http, CampaignService campaigns, string id, Func<Campaign, IResult> then)
    {
        var grant = http.GetAccess();
        var campaign = campaigns.Find(id);
        if (campaign is null)
        {
            // As for units: a unit admin learns nothing about campaigns outside their scope, not even whether they exist.
            return grant.IsBlocAdmin
                ? ConsoleHttp.Message(http, CampaignTexts.CampaignNotFound, StatusCodes.Status404NotFound, "/console/campaigns")
                : ConsoleHttp.Message(http, CampaignTexts.CampaignForbidden, StatusCodes.Status403Forbidden, "/console/campaigns");
        }

        return campaigns.Covers(grant, campaign.Audience)
            ? then(campaign)
            : ConsoleHttp.Message(http, CampaignTexts.CampaignForbidden, StatusCodes.Status403Forbidden, "/console/campaigns");
    }

    private static CampaignNewModel NewModel(HttpContext http, CampaignForm form, IReadOnlyDictionary<string, Loc> errors, CampaignPreviewModel? preview,
        Loc? notice, int? count, CampaignService campaigns, IUnits units, ContentService content)
    {
        var grant = http.GetAccess();
        var language = ConsoleHttp.LanguageOf(http);
        var visible = grant.VisibleUnits(units).ToHashSet(StringComparer.Ordinal);
        var top = units.All().Where(u => visible.Contains(u.Code)).Select(u => u.Depth).DefaultIfEmpty(0).Min();
        var choices = units.All().Where(u => visible.Contains(u.Code)).Select(u => new UnitChoice(u.Code, u.Name, u.Depth - top)).ToList();
        var lessons = content.Current.Items.Select(i => new LessonChoice(i.Id, i.Id + " — " + i.For(language).Title)).ToList();
        return new CampaignNewModel(form, errors, choices, lessons, preview, notice, count, grant.IsBlocAdmin, campaigns.ApprovalRequired);
    }

    /// <summary>
    /// The real message in both languages: the same row construction and composer as the send, its buttons inert (as the
    /// bot's preview). Without a lesson or a text there is nothing to show; the audience is counted once it is valid.
    /// </summary>
    private static CampaignPreviewModel? Preview(HttpContext http, CampaignForm form, CampaignRequest request, IReadOnlyDictionary<string, Loc> errors,
        CampaignService campaigns, MessageComposer composer)
    {
        if (errors.ContainsKey("content"))
        {
            return null;
        }

        var person = ConsoleAuth.PersonOf(http.User) ?? AuditLog.Console;
        var messages = new List<PreviewMessage>();
        foreach (var language in new[] { Languages.Vietnamese, Languages.English })
        {
            var row = campaigns.SampleRow(request, new Subscriber { Id = person, Language = language });
            OutboundMessage? composed;
            using (CallbackKeyStore.Preview(person, BroadcastHandler.PreviewAction, PreviewKeyLifetime))
            {
                composed = composer.Compose(row);
            }

            if (composed is not null)
            {
                messages.Add(new PreviewMessage(language, [.. MessageComposer.Split(composed).Select(p => new PreviewPart(SafeLinks(p.Html),
                    [.. (p.Buttons ?? []).Select(r => (IReadOnlyList<string>)[.. r.Select(b => b.Label)])]))]));
            }
        }

        int? count = errors.ContainsKey("units") ? null : campaigns.Resolve(new CampaignAudience
        {
            All = request.Audience!.All,
            Units = [.. request.Audience.Units ?? []],
            IncludeSubUnits = request.Audience.IncludeSubUnits,
            Roles = [.. request.Audience.Roles ?? []],
            PartyMembersOnly = request.Audience.PartyMembersOnly,
        }).Count();
        return messages.Count == 0 ? null : new CampaignPreviewModel(messages, count);
    }

    private static string Audience(CampaignAudience audience, string language)
    {
        var parts = new List<string>();
        if (audience.All)
        {
            parts.Add(CampaignTexts.Everyone.For(language));
        }

        if (audience.Units.Count > 0)
        {
            parts.Add(string.Join(", ", audience.Units) + (audience.IncludeSubUnits ? " (+)" : ""));
        }

        if (audience.SubscriberIds.Count > 0)
        {
            parts.Add(CampaignTexts.PeopleCount.Format(language, audience.SubscriberIds.Count));
        }

        if (audience.Roles.Count > 0)
        {
            parts.Add(string.Join(", ", audience.Roles.Select(r => (r == "leader" ? CampaignTexts.Leaders : CampaignTexts.Staff).For(language))));
        }

        if (audience.PartyMembersOnly)
        {
            parts.Add(CampaignTexts.PartyMembers.For(language));
        }

        return string.Join(" · ", parts);
    }

    /// <summary>The preview is shown in our page, not in Telegram: a link that is not http(s) or tg: is made inert.</summary>
    private static string SafeLinks(string html) => UnsafeHref().Replace(html, "href=\"#\"");

    [GeneratedRegex("href=\"(?!https?://|tg://)[^\"]*\"", RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeHref();
}
