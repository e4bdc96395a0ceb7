using System.Globalization;
using System.Text;
using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Hosting;
using Directive920Bot.Localization;
using Directive920Bot.Registration;
using static Directive920Bot.Reports.ReportsTexts;

namespace Directive920Bot.Reports;

/// <summary>/grant, /revoke, /report (/baocao), /members (/canbo), /roster and roster files sent by admins.</summary>
public sealed class ReportsHandler(
    RoleService roleService,
    IUnits units,
    ReportService reports,
    ReportChart chart,
    ReportExports exports,
    ReportFeedback feedback,
    RosterImporter importer,
    RosterService roster,
    IRoster rosterStore,
    ISubscribers subscribers,
    NudgeService nudges,
    CallbackKeyStore keys,
    AuditLog audit,
    IChannelFiles files,
    IPersonDirectory directory,
    ReportInsights insights,
    BotClock clock,
    ILogger<ReportsHandler> log) : ICommandHandler, ICallbackHandler, IDocumentHandler
{
    private const long MaxRosterBytes = UploadLimits.MaxBytes;
    private static readonly TimeSpan ConfirmLifetime = TimeSpan.FromHours(1);

    public IReadOnlyList<CommandSpec> Commands { get; } =
    [
        new("report", new("Báo cáo đơn vị", "Unit report"), CommandAccess.UnitAdmin, true, "baocao"),
        new("members", new("Đối chiếu danh sách cán bộ", "Roster check"), CommandAccess.UnitAdmin, true, "doichieu", "canbo"),
        new("roster", new("Nhập danh sách cán bộ", "Import the member roster"), CommandAccess.UnitAdmin, true, "nhapdanhsach", "danhsach"),
        new("grant", new("Cấp quyền quản trị", "Grant an admin role"), CommandAccess.BlocAdmin, true, "capquyen"),
        new("revoke", new("Thu hồi quyền quản trị", "Revoke an admin role"), CommandAccess.BlocAdmin, true, "thuhoiquyen"),
    ];

    public string Feature => "rpt";

    public async Task HandleAsync(BotContext context, CommandSpec command, string arguments, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        switch (command.Name)
        {
            case "grant":
            case "revoke":
                await AskRoleChangeAsync(context, command.Name, arguments, ct);
                break;
            case "report":
                await ReportAsync(context, arguments, ct);
                break;
            case "members":
                await MembersAsync(context, arguments, ct);
                break;
            case "roster":
                await context.ReplyAsync(RosterHelp, ct);
                break;
        }
    }

    public async Task<CallbackReply> HandleAsync(BotContext context, CallbackKey key, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(key);
        var messageId = press?.MessageId;
        switch (key.Action)
        {
            case "rpt.self":
            case "rpt.notme":
                return await OnSelfMatchAsync(context, key, messageId, ct);
        }

        // Roles can change between showing a button and pressing it: check again on the server.
        var unit = key.Payload.Split('|')[0];
        switch (key.Action)
        {
            case "rpt.grant":
            case "rpt.revoke":
                return await OnRoleChangeAsync(context, key, messageId, ct);
            case "rpt.cancel":
                if (messageId is { } m)
                {
                    await context.Sender.EditAsync(context.PersonId, m, new OutboundMessage(context.T(Cancelled)), ct);
                }

                return CallbackReply.Silent;
        }

        if (!context.Access.Covers(units, unit))
        {
            return new CallbackReply(context.T(NotAllowed), Alert: true);
        }

        switch (key.Action)
        {
            case "rpt.pending":
                await PendingAsync(context, unit, ct);
                return CallbackReply.Silent;
            case "rpt.nudge":
                return await NudgeAsync(context, unit);
            case "rpt.docx":
                await AskPeriodAsync(context, unit, ct);
                return CallbackReply.Silent;
            case "rpt.docxp":
                return await SendDocxAsync(context, key.Payload, ct);
            case "rpt.members":
                await MembersAsync(context, unit, ct);
                return CallbackReply.Silent;
            case "rpt.link":
                return await OnAdminLinkAsync(context, key.Payload, ct);
            default:
                log.LogWarning("Unknown reports action {Action}", key.Action);
                return CallbackReply.Silent;
        }
    }

    public async Task<bool> TryHandleAsync(BotContext context, InboundDocument document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(document);
        var name = document.FileName ?? "";
        if (!context.Access.IsAdmin || !(name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        // A size Telegram does not state is refused too: the download must be known to be small before it starts.
        if (document.FileSize is null or > MaxRosterBytes)
        {
            await context.ReplyAsync(document.FileSize is null ? RosterSizeUnknown : RosterTooLarge, ct);
            return true;
        }

        await using var content = await files.OpenAsync(document.FileId, ct);
        var allowed = context.Access.IsBlocAdmin ? null : context.Access.VisibleUnits(units);
        var result = importer.Import(name, content, allowed, context.Language);
        if (!result.Ok)
        {
            var errors = string.Join('\n', result.Errors.Take(20).Select(TelegramHtml.Escape));
            if (result.Errors.Count > 20)
            {
                errors += $"\n… (+{result.Errors.Count - 20})";
            }

            await context.ReplyAsync(RosterFileRejected.Format(context.Language, errors), ct);
            return true;
        }

        audit.Write(context.PersonId, "roster.import", name, FormattableString.Invariant($"added {result.Added}, updated {result.Updated}, retired {result.Retired}"));
        await context.ReplyAsync(RosterImported.Format(context.Language, result.Added, result.Updated, result.Retired), ct);
        return true;
    }

    private async Task AskRoleChangeAsync(BotContext context, string verb, string arguments, CancellationToken ct)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var usage = verb == "grant" ? GrantUsage : RevokeUsage;
        if (words.Length < 2 || !PersonReference.IsWellFormed(words[0])
            || RoleService.ParseRole(words[1], words.Length > 2 ? words[2] : null) is not { } parsed
            || (parsed.Role == Directive920Bot.Admin.AdminRole.UnitAdmin && parsed.Unit is null))
        {
            await context.ReplyAsync(usage, ct);
            return;
        }

        // A person id, or an address (zalo:<id>, telegram:<id>) of someone who has consented: a role is stored per person.
        if (PersonReference.Resolve(words[0], directory) is not { } userId)
        {
            await context.ReplyAsync(UnknownAddress.Format(context.Language, TelegramHtml.Escape(words[0])), ct);
            return;
        }

        if (parsed.Unit is { } code && units.Find(code) is null)
        {
            await context.ReplyAsync(UnknownUnit.Format(context.Language, TelegramHtml.Escape(code)), ct);
            return;
        }

        var who = subscribers.Find(userId) is { FullName: { } fullName } ? $" ({TelegramHtml.Escape(fullName)})" : "";
        var payload = string.Create(CultureInfo.InvariantCulture, $"{userId}|{parsed.Role}|{parsed.Unit}");
        var text = (verb == "grant" ? ConfirmGrant : ConfirmRevoke).Format(context.Language, RoleLabel(context, parsed.Role, parsed.Unit), userId, who);
        await context.ReplyAsync(new OutboundMessage(text).WithButtons(
        [
            new OutboundButton(context.T(Yes), keys.Issue(context.PersonId, "rpt." + verb, payload, ConfirmLifetime)),
            new OutboundButton(context.T(Cancel), keys.Issue(context.PersonId, "rpt.cancel", payload, ConfirmLifetime)),
        ]), ct);
    }

    private async Task<CallbackReply> OnRoleChangeAsync(BotContext context, CallbackKey key, int? messageId, CancellationToken ct)
    {
        if (!context.Access.IsBlocAdmin)
        {
            return new CallbackReply(context.T(NotAllowed), Alert: true);
        }

        var parts = key.Payload.Split('|');
        var userId = long.Parse(parts[0], CultureInfo.InvariantCulture);
        var role = Enum.Parse<Directive920Bot.Admin.AdminRole>(parts[1]);
        var unit = parts[2].Length == 0 ? null : parts[2];
        var outcome = key.Action == "rpt.grant" ? roleService.Grant(context.PersonId, userId, role, unit) : roleService.Revoke(context.PersonId, userId, role, unit);
        var text = outcome switch
        {
            GrantOutcome.Granted => Granted,
            GrantOutcome.AlreadyHeld => AlreadyHeld,
            GrantOutcome.Revoked => Revoked,
            GrantOutcome.NotHeld => NotHeld,
            _ => UnknownUnit,
        };
        var html = text.Format(context.Language, RoleLabel(context, role, unit), userId);
        if (messageId is { } id)
        {
            // Pressing again after a restart re-renders the outcome; the store holds the role once.
            await context.Sender.EditAsync(context.PersonId, id, new OutboundMessage(html), ct);
        }

        return CallbackReply.Silent;
    }

    private async Task ReportAsync(BotContext context, string arguments, CancellationToken ct)
    {
        var unitCode = ReportUnit(context, arguments.Trim().ToUpperInvariant());
        if (unitCode is null)
        {
            await context.ReplyAsync(NotAllowed, ct);
            return;
        }

        var report = reports.Unit(unitCode)!;
        var root = units.Find(unitCode)!;
        var children = units.All().Where(u => u.ParentCode == root.Code).Select(u => u.Code).ToList();
        var lang = context.Language;
        string Count(int n) => Numbers.Count(n, lang);
        string Pct(double? rate) => Numbers.Percent(rate, lang);
        var text = new StringBuilder()
            .AppendLine(ReportHeader.Format(context.Language, TelegramHtml.Escape(report.Name)))
            .AppendLine(ReportMembers.Format(lang, Count(report.Roster), Count(report.Registered), Pct(report.RegisteredRate), Count(report.Active),
                Pct(report.ActiveRateRegistered), Pct(report.ActiveRateRoster), Count(report.Blocked + report.Stopped)))
            .AppendLine(ReportAcks.Format(lang, Count(report.Delivered), Count(report.Acknowledged), Pct(report.AckRate), Pct(report.AckRateRoster)))
            .AppendLine(ReportChannels.Format(lang, Count(report.TelegramOnly), Count(report.ZaloOnly), Count(report.BothChannels)))
            .AppendLine(ReportQuiz.Format(lang, Count(report.QuizParticipants), Pct(report.QuizParticipationRegistered)))
            .AppendLine(ReportReviewDue.Format(lang, Count(report.ReviewDue)))
            .AppendLine()
            .Append(insights.ChatSection(unitCode, lang));

        // The bloc (or a unit with sub-units) is charted per child unit; a leaf unit per lesson.
        byte[] png;
        if (children.Count > 0)
        {
            var perUnit = reports.Units(children);
            png = chart.RenderRates(context.T(ChartByUnit), perUnit.Select(u => (u.Name, u.AckRate)).ToList(), context.Language);
        }
        else
        {
            png = chart.RenderRates(context.T(ChartByLesson), report.Items.Select(i => (i.Title, i.AckRate)).ToList(), context.Language);
        }

        await context.Sender.TrySendPhotoAsync(context.PersonId, new OutboundFile($"report-{unitCode}.png", png), SendPriority.Interactive, ct);
        await context.ReplyAsync(new OutboundMessage(text.ToString()).WithButtons(
            [
                new OutboundButton(context.T(PendingButton), keys.Issue(context.PersonId, "rpt.pending", unitCode)),
                new OutboundButton(context.T(NudgeButton), keys.Issue(context.PersonId, "rpt.nudge", unitCode)),
            ],
            [new OutboundButton(context.T(DocxButton), keys.Issue(context.PersonId, "rpt.docx", unitCode))],
            [new OutboundButton(context.T(MembersButton), keys.Issue(context.PersonId, "rpt.members", unitCode))]), ct);
    }

    /// <summary>The unit a report is about: the one asked for if in scope; otherwise the bloc root or the admin's first unit.</summary>
    private string? ReportUnit(BotContext context, string asked)
    {
        if (asked.Length > 0)
        {
            return context.Access.Covers(units, asked) ? units.Find(asked)!.Code : null;
        }

        if (context.Access.IsBlocAdmin)
        {
            return units.All().FirstOrDefault(u => u.ParentCode is null)?.Code;
        }

        return context.Access.Units.FirstOrDefault(u => units.Find(u) is not null);
    }

    private async Task PendingAsync(BotContext context, string unitCode, CancellationToken ct)
    {
        if (!nudges.Available)
        {
            await context.ReplyAsync(NotAvailable, ct);
            return;
        }

        var pending = nudges.Pending(units.SubTreeCodes([unitCode]));
        if (pending.Count == 0)
        {
            await context.ReplyAsync(NothingPending, ct);
            return;
        }

        var lines = pending.GroupBy(p => p.SubscriberId).Take(50).Select(g =>
        {
            var name = subscribers.Find(g.Key)?.FullName ?? "—";
            return $"• {TelegramHtml.Escape(name)} ({TelegramHtml.Escape(g.First().UnitCode)}): {string.Join(", ", g.Select(p => TelegramHtml.Escape(reports.Title(p.ItemId, context.Language))))}";
        });
        await context.ReplyAsync(PendingHeader.Format(context.Language, pending.Select(p => p.SubscriberId).Distinct().Count()) + "\n" + string.Join('\n', lines), ct);
    }

    private Task<CallbackReply> NudgeAsync(BotContext context, string unitCode)
    {
        var result = nudges.Nudge(context.PersonId, unitCode, units.SubTreeCodes([unitCode]));
        var reply = !result.Available ? NotAvailable
            : result.Nudged == 0 && result.SkippedItems > 0 ? NudgeTooSoon
            : Nudged;
        return Task.FromResult(new CallbackReply(reply.Format(context.Language, result.Nudged), Alert: true));
    }

    /// <summary>The thematic report's period, as buttons: this month, last month, the year so far (local days).</summary>
    private async Task AskPeriodAsync(BotContext context, string unitCode, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.LocalNow);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var lastMonth = monthStart.AddMonths(-1);
        (Localization.Loc Label, DateOnly From, DateOnly To)[] periods =
        [
            (PeriodThisMonth, monthStart, today),
            (PeriodLastMonth, lastMonth, monthStart.AddDays(-1)),
            (PeriodYearToDate, new DateOnly(today.Year, 1, 1), today),
        ];
        var rows = periods.Select(p => (IReadOnlyList<OutboundButton>)
        [
            new OutboundButton(p.Label.Format(context.Language, ReportExports.Period(p.From, p.To, compact: true)),
                keys.Issue(context.PersonId, "rpt.docxp", string.Create(CultureInfo.InvariantCulture, $"{unitCode}|{p.From:yyyy-MM-dd}|{p.To:yyyy-MM-dd}"), ConfirmLifetime)),
        ]).ToArray();
        await context.ReplyAsync(new OutboundMessage(context.T(AskPeriod)).WithButtons(rows), ct);
    }

    private async Task<CallbackReply> SendDocxAsync(BotContext context, string payload, CancellationToken ct)
    {
        var parts = payload.Split('|');
        if (parts.Length != 3 || !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            return new CallbackReply(context.T(NotAvailable), Alert: true);
        }

        var unitCode = parts[0];
        var docx = exports.Thematic(unitCode, from, to, feedback.For(unitCode, from, to));
        audit.Write(context.PersonId, "export", unitCode, string.Create(CultureInfo.InvariantCulture, $"thematic.docx {from:yyyy-MM-dd}..{to:yyyy-MM-dd} (bot)"));
        await context.Sender.TrySendDocumentAsync(context.PersonId,
            new OutboundFile($"bao-cao-chuyen-de-920-{unitCode}.docx", docx, DocxCaption.Format(context.Language, TelegramHtml.Escape(units.DisplayName(unitCode)),
                from.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), to.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture))),
            SendPriority.Interactive, ct);
        return CallbackReply.Silent;
    }

    private async Task MembersAsync(BotContext context, string arguments, CancellationToken ct)
    {
        var unitCode = ReportUnit(context, arguments.Trim().ToUpperInvariant());
        if (unitCode is null)
        {
            await context.ReplyAsync(NotAllowed, ct);
            return;
        }

        var scope = units.SubTreeCodes([unitCode]);
        var unmatched = roster.Unmatched(scope);
        var never = roster.NeverRegistered(scope);
        var text = new StringBuilder(MembersHeader.Format(context.Language, TelegramHtml.Escape(units.DisplayName(unitCode)), unmatched.Count, never.Count));
        foreach (var s in unmatched.Take(20))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n🆕 {TelegramHtml.Escape(s.FullName ?? "")} — {TelegramHtml.Escape(s.UnitCode ?? "")}");
        }

        foreach (var e in never.Take(30))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n⭕ {TelegramHtml.Escape(e.FullName)} — {TelegramHtml.Escape(e.UnitCode)}");
        }

        // Same unit and same name: the admin confirms with one press.
        var buttons = unmatched.Select(s => (s, e: roster.Suggest(s))).Where(x => x.e is not null).Take(8)
            .Select(x => (IReadOnlyList<OutboundButton>)[new OutboundButton(LinkButton.Format(context.Language, x.s.FullName, x.e!.FullName),
                keys.Issue(context.PersonId, "rpt.link", string.Create(CultureInfo.InvariantCulture, $"{x.e.UnitCode}|{x.s.Id}|{x.e.Id}")))])
            .ToArray();
        await context.ReplyAsync(new OutboundMessage(text.ToString(), buttons), ct);
    }

    private async Task<CallbackReply> OnAdminLinkAsync(BotContext context, string payload, CancellationToken ct)
    {
        var parts = payload.Split('|');
        var subscriber = subscribers.Find(long.Parse(parts[1], CultureInfo.InvariantCulture));
        var entry = rosterStore.Find(int.Parse(parts[2], CultureInfo.InvariantCulture));
        if (subscriber is null || entry is null || !context.Access.Covers(units, subscriber.UnitCode) || !context.Access.Covers(units, entry.UnitCode)
            || !roster.Link(context.PersonId, subscriber, entry, RosterLink.Suggested))
        {
            return new CallbackReply(context.T(NotAllowed), Alert: true);
        }

        await Task.CompletedTask;
        return new CallbackReply(context.T(Linked));
    }

    private async Task<CallbackReply> OnSelfMatchAsync(BotContext context, CallbackKey key, int? messageId, CancellationToken ct)
    {
        var subscriber = context.Subscriber;
        var entry = rosterStore.Find(int.Parse(key.Payload, CultureInfo.InvariantCulture));
        if (subscriber is null || entry is null || entry.UnitCode != subscriber.UnitCode)
        {
            return new CallbackReply(context.T(NotAllowed), Alert: true);
        }

        var linked = key.Action == "rpt.self" && roster.Link(subscriber.Id, subscriber, entry, RosterLink.Suggested);
        if (messageId is { } id)
        {
            await context.Sender.EditAsync(context.PersonId, id, new OutboundMessage(context.T(linked ? Linked : NotLinked)), ct);
        }

        return CallbackReply.Silent;
    }

    private string RoleLabel(BotContext context, Directive920Bot.Admin.AdminRole role, string? unit) =>
        role == Directive920Bot.Admin.AdminRole.BlocAdmin ? context.T(BlocRole) : UnitRole.Format(context.Language, TelegramHtml.Escape(units.DisplayName(unit)));
}
