using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Microsoft.Extensions.Options;
using Quartz;

namespace Directive920Bot.Delivery;

/// <summary>
/// Creates, lists, cancels and resends campaigns, and expands their occurrences into ledger rows when due.
/// Used by the admin API, the CLI and the bot's /broadcast and /campaigns alike: a change made here is audited here,
/// in the transaction of the change, so no caller can forget it or write it twice.
/// </summary>
public sealed class CampaignService(
    ICampaigns store,
    DeliveryLedger ledger,
    IStorage storage,
    ISubscribers subscribers,
    IUnits units,
    IRoster roster,
    ContentService content,
    WorkingCalendar calendar,
    AuditLog audit,
    BotClock clock,
    IOptions<DeliveryOptions> options,
    IOptions<CampaignApprovalOptions> approval,
    IAccessPolicy access,
    ILogger<CampaignService> log)
{
    private static readonly string[] KnownRoles = ["leader", "staff"];
    private readonly Lock expandGate = new();

    public Campaign? Find(string id) => store.Find(id);

    public IReadOnlyList<Campaign> List() => store.All();

    /// <summary>Whether new campaigns wait for a second bloc admin's approval (<c>Console:CampaignApproval</c>).</summary>
    public bool ApprovalRequired => approval.Value.CampaignApproval;

    /// <summary>The earliest scheduled occurrence (UTC) of any campaign; with <see cref="DeliveryLedger.NextDueAt"/> the sandbox's "next event".</summary>
    public DateTime? NextOccurrenceAt() => store.NextOccurrence();

    public IReadOnlyDictionary<string, string[]> Validate(CampaignRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

        var hasLesson = !string.IsNullOrWhiteSpace(request.LessonId);
        var hasText = !string.IsNullOrWhiteSpace(request.Text);
        if (hasLesson == hasText)
        {
            Add(hasLesson ? "text" : "lessonId", "Give exactly one of lessonId (a content item) or text (an announcement).");
        }
        else if (hasLesson && content.Current.Find(request.LessonId!) is null)
        {
            Add("lessonId", $"Unknown content item '{request.LessonId}'.");
        }

        var audience = request.Audience;
        if (audience is null)
        {
            Add("audience", "An audience is required: all, units, roles or subscriberIds.");
        }
        else
        {
            if (!audience.All && !audience.PartyMembersOnly && (audience.Units?.Count ?? 0) == 0 && (audience.Roles?.Count ?? 0) == 0 && (audience.SubscriberIds?.Count ?? 0) == 0)
            {
                Add("audience", "Choose all, units, roles, partyMembersOnly or subscriberIds.");
            }

            foreach (var code in audience.Units ?? [])
            {
                if (units.Find(code) is null)
                {
                    Add("audience.units", $"Unknown unit '{code}'.");
                }
            }

            foreach (var role in audience.Roles ?? [])
            {
                if (!KnownRoles.Contains(role, StringComparer.OrdinalIgnoreCase))
                {
                    Add("audience.roles", $"Unknown role '{role}'; use leader or staff.");
                }
            }

            foreach (var id in audience.SubscriberIds ?? [])
            {
                if (id <= 0)
                {
                    Add("audience.subscriberIds", $"Subscriber ids are positive Telegram user ids, had {id}.");
                }
            }
        }

        if (request.SendAt is { } at && at < clock.UtcNow - TimeSpan.FromMinutes(1))
        {
            Add("sendAt", $"sendAt {at:O} is in the past; leave it null to send now.");
        }

        if (request.Cron is { } cron && !CronExpression.TryParse(cron, out _))
        {
            Add("cron", $"'{cron}' is not a Quartz cron expression (e.g. \"0 0 8 ? * MON-FRI\").");
        }

        if (request.QuizMode is { } mode && mode is not ("inline" or "poll"))
        {
            Add("quizMode", $"quizMode must be inline or poll, was '{mode}'.");
        }

        if (request.RequireQuizBeforeAck is { } gated)
        {
            ValidateQuizGate(request, gated, hasLesson && !hasText, Add);
        }

        if (request.Reminders is { } r && (r.AfterWorkingHours is < 1 or > 720 || r.Max is < 0 or > 10))
        {
            Add("reminders", "reminders.afterWorkingHours must be 1–720 and reminders.max 0–10.");
        }

        return errors;
    }

    /// <summary>The quiz gate needs a lesson with questions (in every language it has) that asks for the acknowledgement.</summary>
    private void ValidateQuizGate(CampaignRequest request, bool gated, bool isLesson, Action<string, string> add)
    {
        const string field = "requireQuizBeforeAck";
        if (!isLesson)
        {
            add(field, "requireQuizBeforeAck applies to a lesson campaign (lessonId) with questions; a text announcement has no quiz. Leave it null.");
            return;
        }

        var item = content.Current.Find(request.LessonId!);
        if (!gated || item is null)
        {
            return;
        }

        if (item.Texts.Values.Any(t => t.Quiz.Count == 0))
        {
            add(field, $"Content item '{item.Id}' has no questions, so the acknowledgement cannot wait for its quiz.");
        }
        else if (!(request.RequireAck ?? item.RequireAck))
        {
            add(field, "requireQuizBeforeAck needs the acknowledgement button: set requireAck to true.");
        }
    }

    /// <summary>
    /// Stores the campaign and its <c>campaign.create</c> audit entry together; a campaign for now is expanded at once.
    /// Throws <see cref="CampaignValidationException"/> (nothing stored, nothing audited).
    /// </summary>
    public Campaign Create(CampaignRequest request, Actor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            throw new CampaignValidationException(errors);
        }

        var now = clock.UtcNow;
        var campaign = Build(request, by.Name, now);
        campaign.CreatedById = by.AuditId;
        if (ApprovalRequired)
        {
            campaign.Status = CampaignStatus.AwaitingApproval;
        }

        var details = FormattableString.Invariant(
            $"{campaign.Kind} {campaign.LessonId ?? "text"}; units {(campaign.Audience.All ? "all" : string.Join(',', campaign.Audience.Units))}; roles {string.Join(',', campaign.Audience.Roles)}{(campaign.Audience.PartyMembersOnly ? "; party members only" : "")}; sendAt {campaign.SendAt:O}; cron {campaign.Cron}{(campaign.Status == CampaignStatus.AwaitingApproval ? "; awaiting approval" : "")} ({by.Name})");
        storage.Write(tx =>
        {
            store.Insert(tx, campaign);
            audit.Write(tx, by.AuditId, "campaign.create", AuditTarget(by, campaign.Id, null), details);
        });
        log.LogInformation("Campaign {Id} created by {By}: {Kind}, first occurrence {At:O}", campaign.Id, by.Name, campaign.Kind, campaign.NextOccurrenceAt);
        if (campaign.Status == CampaignStatus.Scheduled && campaign.NextOccurrenceAt <= now.UtcDateTime)
        {
            ExpandDue();
        }

        return store.Find(campaign.Id)!;
    }

    /// <summary>
    /// A campaign waiting in “Chờ duyệt” is scheduled, by a bloc admin who did not create it (the same person through
    /// another channel is still its creator). An occurrence whose time passed while it waited is sent now (a recurring
    /// one from its next time). The approval and its <c>campaign.approve</c> audit entry commit together.
    /// </summary>
    public ApprovalOutcome Approve(string id, Actor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        lock (expandGate)
        {
            var campaign = store.Find(id);
            if (campaign is null)
            {
                return ApprovalOutcome.NotFound;
            }

            // The admin API (bloc admins only) and the server's operator are bloc-level by their entry point; a person
            // in the bot or the console must hold the bloc admin role now.
            if (by.Channel is ActorChannel.Bot or ActorChannel.Web && !access.For(by.AuditId).IsBlocAdmin)
            {
                return ApprovalOutcome.NotBlocAdmin;
            }

            if (by.AuditId == campaign.CreatedById || by.Name == campaign.CreatedBy)
            {
                return ApprovalOutcome.OwnCampaign;
            }

            if (campaign.Status != CampaignStatus.AwaitingApproval)
            {
                return ApprovalOutcome.NotWaiting;
            }

            var now = clock.UtcNow;
            campaign.Status = CampaignStatus.Scheduled;
            campaign.ApprovedBy = by.Name;
            campaign.ApprovedAt = now.UtcDateTime;
            campaign.UpdatedAt = now.UtcDateTime;
            if (campaign.NextOccurrenceAt is { } next && next < now.UtcDateTime)
            {
                campaign.NextOccurrenceAt = campaign.Cron is { } cron ? NextCron(cron, now.AddSeconds(-1)) : now.UtcDateTime;
            }

            storage.Write(tx =>
            {
                store.Update(tx, campaign);
                audit.Write(tx, by.AuditId, "campaign.approve", AuditTarget(by, id, "approve"), FormattableString.Invariant($"created by {campaign.CreatedBy} ({by.Name})"));
            });
            log.LogInformation("Campaign {Id} approved by {By}", id, by.Name);
        }

        ExpandDue();
        return ApprovalOutcome.Approved;
    }

    /// <summary>
    /// The row a subscriber would get from this (valid) request, built exactly as expansion builds it but not stored:
    /// compose it with <see cref="MessageComposer"/> to preview what cadres will see (the bot's /broadcast does).
    /// </summary>
    public DeliveryRow SampleRow(CampaignRequest request, Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(subscriber);
        var now = clock.UtcNow;
        var campaign = Build(request, "preview", now);
        var item = campaign.LessonId is { } lesson ? content.Current.Find(lesson) : null;
        return RowOf(campaign, Campaign.OccurrenceId(campaign.Id, 0), item, subscriber, null, now.UtcDateTime, now.UtcDateTime);
    }

    private Campaign Build(CampaignRequest request, string createdBy, DateTimeOffset now)
    {
        var audience = request.Audience!;
        var campaign = new Campaign
        {
            Id = NewId(),
            LessonId = string.IsNullOrWhiteSpace(request.LessonId) ? null : request.LessonId,
            Text = string.IsNullOrWhiteSpace(request.Text) ? null : request.Text,
            Html = string.IsNullOrWhiteSpace(request.Text) ? null : TelegramHtml.Render(request.Text!),
            RequireAck = request.RequireAck ?? (request.LessonId is { } lesson && content.Current.Find(lesson)?.RequireAck == true),
            Audience = new CampaignAudience
            {
                All = audience.All,
                Units = [.. audience.Units ?? []],
                IncludeSubUnits = audience.IncludeSubUnits,
                Roles = [.. (audience.Roles ?? []).Select(r => r.ToLowerInvariant())],
                SubscriberIds = [.. audience.SubscriberIds ?? []],
                PartyMembersOnly = audience.PartyMembersOnly,
            },
            SendAt = request.SendAt?.UtcDateTime,
            Cron = request.Cron,
            QuizMode = request.QuizMode,
            Reminders = request.Reminders,
            RequireQuizBeforeAck = request.RequireQuizBeforeAck,
            Priority = request.Priority,
            Status = CampaignStatus.Scheduled,
            CreatedBy = createdBy,
            CreatedAt = now.UtcDateTime,
            UpdatedAt = now.UtcDateTime,
        };
        campaign.NextOccurrenceAt = campaign.Cron is { } cron
            ? NextCron(cron, (request.SendAt ?? now).AddSeconds(-1))
            : (request.SendAt ?? now).UtcDateTime;
        return campaign;
    }

    /// <summary>
    /// Expands every occurrence whose time has come (called by the Quartz tick; tests call it directly).
    /// Missed occurrences (the service was down): the latest one fires once if it is at most Delivery:GraceWindow late,
    /// otherwise it is recorded as skipped rows with the reason; older missed ones of a cron rule are only logged.
    /// </summary>
    public int ExpandDue()
    {
        lock (expandGate)
        {
            var now = clock.UtcNow;
            var total = 0;
            foreach (var due in store.Due(now.UtcDateTime))
            {
                var campaign = store.Find(due.Id);
                if (campaign?.NextOccurrenceAt is not { } first || campaign.Status != CampaignStatus.Scheduled || first > now.UtcDateTime)
                {
                    continue;
                }

                var occurrence = new DateTimeOffset(DateTime.SpecifyKind(first, DateTimeKind.Utc));
                var dropped = 0;
                if (campaign.Cron is { } cron)
                {
                    while (NextCron(cron, occurrence) is { } later && later <= now.UtcDateTime && dropped < 100_000)
                    {
                        occurrence = new DateTimeOffset(DateTime.SpecifyKind(later, DateTimeKind.Utc));
                        dropped++;
                    }
                }

                if (dropped > 0)
                {
                    log.LogWarning("Campaign {Id}: {Count} earlier occurrences were missed while the service was down; only the latest is considered", campaign.Id, dropped);
                }

                var late = now - occurrence;
                var missed = late > options.Value.GraceWindow;
                var reason = missed
                    ? string.Create(CultureInfo.InvariantCulture, $"missed: the service was not running at {clock.ToLocal(occurrence):yyyy-MM-dd HH:mm} and the grace window of {options.Value.GraceWindow} has passed")
                    : null;
                if (missed)
                {
                    log.LogWarning("Campaign {Id}: occurrence at {At:O} is {Late} late, beyond the grace window; recorded as skipped", campaign.Id, occurrence, late);
                }

                var next = campaign.Cron is { } c ? NextCron(c, occurrence) : null;
                total += Expand(campaign, occurrence, next, reason);
            }

            return total;
        }
    }

    public CampaignProgress Progress(string id)
    {
        var counts = Enum.GetValues<DeliveryState>().ToDictionary(s => s, _ => 0);
        DateTime? earliestPending = null;
        foreach (var (state, dueAt) in ledger.StatesOf(id))
        {
            counts[state]++;
            if (state == DeliveryState.Pending && (earliestPending is null || dueAt < earliestPending))
            {
                earliestPending = dueAt;
            }
        }

        var remaining = counts[DeliveryState.Pending] + counts[DeliveryState.Sending];
        double? eta = null;
        if (remaining > 0)
        {
            var wait = earliestPending is { } due ? Math.Max(0, (due - clock.UtcNow.UtcDateTime).TotalSeconds) : 0;
            eta = Math.Round(wait + (remaining / options.Value.EffectiveRate), 1);
        }

        return new CampaignProgress(counts.Values.Sum(), counts[DeliveryState.Sent], counts[DeliveryState.Failed], counts[DeliveryState.Blocked],
            counts[DeliveryState.Skipped], remaining, eta);
    }

    /// <summary>"awaiting-approval", "scheduled", "sending", "completed" or "cancelled".</summary>
    public static string StatusOf(Campaign campaign, CampaignProgress progress)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(progress);
        return campaign.Status switch
        {
            CampaignStatus.Cancelled => "cancelled",
            CampaignStatus.AwaitingApproval => "awaiting-approval",
            _ when progress.Remaining > 0 => "sending",
            CampaignStatus.Scheduled => "scheduled",
            _ => "completed",
        };
    }

    /// <summary>
    /// Stops what is not sent yet: no further occurrences, pending rows become skipped. Returns how many rows were
    /// stopped, or null if unknown. The cancellation, the skipped rows and the <c>campaign.cancel</c> audit entry commit
    /// together; cancelling a campaign already cancelled changes nothing and is not audited again.
    /// </summary>
    public int? Cancel(string id, Actor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        lock (expandGate)
        {
            var campaign = store.Find(id);
            if (campaign is null)
            {
                return null;
            }

            // Decided and applied before the transaction: its work may run twice (see IStorage.WriteAsync), and a second
            // run must still write the cancellation and its audit entry.
            var cancelling = campaign.Status != CampaignStatus.Cancelled;
            if (cancelling)
            {
                var now = clock.UtcNow.UtcDateTime;
                campaign.Status = CampaignStatus.Cancelled;
                campaign.NextOccurrenceAt = null;
                campaign.CancelledAt = now;
                campaign.CancelledBy = by.Name;
                campaign.UpdatedAt = now;
            }

            var stopped = storage.Write(tx =>
            {
                if (cancelling)
                {
                    store.Update(tx, campaign);
                }

                var skipped = ledger.SkipPending(tx, id, "cancelled by " + by.Name);
                if (cancelling)
                {
                    audit.Write(tx, by.AuditId, "campaign.cancel", AuditTarget(by, id, "cancel"), FormattableString.Invariant($"{skipped} pending rows stopped ({by.Name})"));
                }

                return skipped;
            });
            if (cancelling)
            {
                log.LogInformation("Campaign {Id} cancelled by {By}", id, by.Name);
            }

            return stopped;
        }
    }

    /// <summary>
    /// Failed rows of the campaign are sent again (attempts reset). Returns how many, or null if unknown. Audited as
    /// <c>campaign.resend</c> when something was requeued. With <paramref name="failedBefore"/> (the moment the admin saw
    /// the failures) only rows that had failed by then are requeued, so the same request sent twice (a double click)
    /// requeues each of them once, even if one fails again in between.
    /// </summary>
    public int? ResendFailed(string id, Actor by, DateTime? failedBefore = null)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (store.Find(id) is null)
        {
            return null;
        }

        var requeued = ledger.RequeueFailed(id, calendar.NextOpen(clock.UtcNow).UtcDateTime, failedBefore);
        if (requeued > 0 || failedBefore is null)
        {
            audit.Write(by.AuditId, "campaign.resend", AuditTarget(by, id, "resend-failed"), FormattableString.Invariant($"{requeued} failed rows requeued ({by.Name})"));
        }

        return requeued;
    }

    /// <summary>
    /// What an audit entry names as the campaign changed: its id, except for the admin API, whose entries have always
    /// named the address the request used (<c>/api/campaigns/{id}</c>, <c>/api/campaigns/{id}/cancel</c>), which is
    /// what the readers of the log search for.
    /// </summary>
    private static string AuditTarget(Actor by, string id, string? apiAction) =>
        by.Channel != ActorChannel.Api ? id
            : apiAction is null ? $"/api/campaigns/{id}"
            : $"/api/campaigns/{id}/{apiAction}";

    /// <summary>
    /// Whether <paramref name="grant"/> may see and act on a campaign for <paramref name="audience"/>: a bloc admin any;
    /// a unit admin only one whose every unit and named person lies within their units (never “everyone”).
    /// </summary>
    public bool Covers(AccessGrant grant, CampaignAudience audience)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(audience);
        if (grant.IsBlocAdmin)
        {
            return true;
        }

        if (!grant.IsAdmin || audience.All || (audience.Units.Count == 0 && audience.SubscriberIds.Count == 0))
        {
            return false;
        }

        return audience.Units.All(code => grant.Covers(units, code))
            && audience.SubscriberIds.All(id => subscribers.Find(id) is { } s && grant.Covers(units, s.UnitCode));
    }

    public IReadOnlyList<DeliveryRow> Deliveries(string id, DeliveryState? state = null) => ledger.ForCampaign(id, state);

    public CampaignPreview? Preview(string id)
    {
        var campaign = store.Find(id);
        if (campaign is null)
        {
            return null;
        }

        var audience = Resolve(campaign.Audience).ToList();
        var languages = audience.GroupBy(s => s.Language).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        var parts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var language in new[] { "vi", "en" })
        {
            var html = campaign.Html ?? (campaign.LessonId is { } lesson ? content.Current.Find(lesson)?.For(language).Html : null) ?? "";
            messages[language] = html;
            parts[language] = MessageComposer.Split(new Channels.OutboundMessage(html)).Count;
        }

        return new CampaignPreview(audience.Count, languages, messages, parts);
    }

    /// <summary>
    /// Registered subscribers in the audience (reachable or not: the unreachable get skipped rows, so reports see them).
    /// Read with the delivery fields only (<see cref="ISubscribers.RegisteredForDelivery"/>): for counting and
    /// planning, never for saving.
    /// </summary>
    public IEnumerable<Subscriber> Resolve(CampaignAudience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        IEnumerable<Subscriber> people;
        if (audience.All || (audience.Units.Count == 0 && audience.SubscriberIds.Count == 0))
        {
            people = subscribers.RegisteredForDelivery();
        }
        else
        {
            var codes = audience.IncludeSubUnits ? units.SubTreeCodes(audience.Units) : audience.Units;
            var inUnits = codes.Count > 0 ? subscribers.RegisteredForDelivery([.. codes]) : [];
            var explicitly = audience.SubscriberIds.Select(subscribers.Find).Where(s => s?.IsRegistered == true).Select(s => s!);
            people = inUnits.Concat(explicitly).DistinctBy(s => s.Id);
        }

        if (audience.Roles.Count > 0)
        {
            var leaders = audience.Roles.Contains("leader");
            var staff = audience.Roles.Contains("staff");
            people = people.Where(s => s.IsLeader ? leaders : staff);
        }

        if (audience.PartyMembersOnly)
        {
            // Party membership is what the unit's roster says; a cadre not linked to a roster entry is not counted in.
            var members = roster.All().Where(e => e is { Current: true, PartyMember: true, SubscriberId: not null })
                .Select(e => e.SubscriberId!.Value).ToHashSet();
            people = people.Where(s => members.Contains(s.Id));
        }

        return people;
    }

    private int Expand(Campaign campaign, DateTimeOffset occurrence, DateTime? next, string? missedReason)
    {
        var number = campaign.Occurrences + 1;
        var occurrenceId = Campaign.OccurrenceId(campaign.Id, number);
        var item = campaign.LessonId is { } lesson ? content.Current.Find(lesson) : null;
        var dueAt = calendar.NextOpen(occurrence).UtcDateTime;
        var now = clock.UtcNow.UtcDateTime;
        var kind = campaign.Kind;
        var chunkSize = options.Value.ExpansionChunkSize;
        // Each person past the first chunk is folded into a chunk member as they are read: no row list of the audience.
        var rows = new ExpansionRows(chunkSize, now);
        foreach (var s in Resolve(campaign.Audience))
        {
            var skipReason = missedReason
                ?? (!s.IsReachable ? $"not reachable ({s.Status})"
                : s.Paused && kind == DeliveryKind.Lesson ? "paused"
                : null);
            rows.Add(DeliveryRecipient.Of(s), skipReason, () => RowOf(campaign, occurrenceId, item, s, skipReason, dueAt, now));
        }

        var added = storage.Write(tx =>
        {
            var inserted = ledger.InsertExpansion(tx, rows);
            campaign.Occurrences = number;
            campaign.LastOccurrenceAt = occurrence.UtcDateTime;
            campaign.NextOccurrenceAt = next;
            campaign.Status = next is null ? CampaignStatus.Expanded : CampaignStatus.Scheduled;
            campaign.UpdatedAt = now;
            store.Update(tx, campaign);
            return inserted;
        });
        ledger.Publish(added);
        if (rows.Chunks.Count > 0)
        {
            ledger.SignalChunks();
        }

        log.LogInformation("Campaign {Id} occurrence {Number} expanded: {Rows} rows due {Due:O} ({Chunked} of them held in chunks until they are sent)",
            campaign.Id, number, rows.Count, dueAt, rows.Count - added.Count);
        return rows.Count;
    }

    private static DeliveryRow RowOf(Campaign campaign, string occurrenceId, ContentItem? item, Subscriber s, string? skipReason, DateTime dueAt, DateTime now) =>
        DeliveryRows.For(occurrenceId, DeliveryRecipient.Of(s), campaign.Kind, dueAt, now,
            campaignId: campaign.Id,
            itemId: campaign.LessonId,
            contentHash: item?.ContentHash,
            html: campaign.Html,
            requireAck: campaign.RequireAck,
            priority: campaign.Priority,
            skipReason: skipReason);

    private DateTime? NextCron(string cron, DateTimeOffset after)
    {
        var expression = new CronExpression(cron, clock.Zone);
        return expression.GetNextValidTimeAfter(after)?.UtcDateTime;
    }

    private static string NewId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(5));
}
