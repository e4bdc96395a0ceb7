using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Implementation;

/// <summary>
/// The units' implementation reports: which requirements and periods, reading and changing a report (audited, refused
/// in a locked period), locking, and the units × requirements matrix. Callers have checked the unit scope.
/// </summary>
public sealed class ImplementationService(
    IImplementationReports store,
    IUnits units,
    ContentService content,
    AuditLog audit,
    Engagement.IFeedback feedback,
    IStorage storage,
    BotClock clock,
    IOptions<ImplementationOptions> options,
    EvidenceFiles evidenceFiles)
{
    public const int MaxText = 2000;

    public PeriodKind Kind => options.Value.Period;

    public ReportingPeriod CurrentPeriod => ReportingPeriod.Containing(DateOnly.FromDateTime(clock.LocalNow), Kind);

    /// <summary>The requirements every reporting unit reports on, in course order.</summary>
    public IReadOnlyList<Requirement> Requirements()
    {
        var configured = options.Value.Requirements;
        return content.Current.Clauses
            .Where(c => configured.Count > 0 ? configured.Contains(c.Id, StringComparer.OrdinalIgnoreCase) : c.Audience is "leaders" or "staff")
            .Select(c => new Requirement(c.Id, c.Audience, c.TitleVi, c.TitleEn))
            .ToList();
    }

    public Requirement? Requirement(string id) => Requirements().FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The units that report, among <paramref name="scope"/> (the caller's visible units), in tree order.</summary>
    public IReadOnlyList<Unit> ReportingUnits(IReadOnlyCollection<string> scope)
    {
        var visible = scope as ISet<string> ?? scope.ToHashSet(StringComparer.Ordinal);
        return units.All().Where(u => u.Depth == options.Value.UnitDepth && visible.Contains(u.Code)).ToList();
    }

    public bool IsReportingUnit(string code) => units.Find(code) is { } unit && unit.Depth == options.Value.UnitDepth;

    public bool IsLocked(ReportingPeriod period) => store.Lock(period.Id) is not null;

    public bool TryParsePeriod(string? text, out ReportingPeriod period)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            period = CurrentPeriod;
            return true;
        }

        return ReportingPeriod.TryParse(text.Trim(), out period) && period.Kind == Kind;
    }

    /// <summary>The unit's report for every requirement (a requirement not reported yet comes back empty, not stored).</summary>
    public IReadOnlyList<ImplementationReport> ForUnit(ReportingPeriod period, string unitCode)
    {
        var stored = store.ForUnit(period.Id, unitCode).ToDictionary(r => r.RequirementId, StringComparer.Ordinal);
        return Requirements().Select(r => stored.GetValueOrDefault(r.Id) ?? Empty(period, unitCode, r.Id)).ToList();
    }

    public ImplementationReport? Find(ReportingPeriod period, string unitCode, string requirementId) =>
        store.Find(ImplementationReport.IdFor(period.Id, unitCode, requirementId));

    /// <summary>Applies <paramref name="change"/> and writes the audit entry in the same transaction; nothing when the period is locked.</summary>
    public async Task<ChangeOutcome> ChangeAsync(Actor actor, ReportingPeriod period, string unitCode, string requirementId, ReportChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var outcome = ChangeOutcome.Invalid;
        try
        {
            outcome = await ChangeOnceAsync(actor, period, unitCode, requirementId, change);
            return outcome;
        }
        finally
        {
            // The bot, the API and the console store an uploaded file before the change is decided (a period locked a
            // moment earlier, a text too long): a refused change must not leave its file behind, unreferenced.
            if (outcome != ChangeOutcome.Saved && change.Evidence is { } unused)
            {
                evidenceFiles.Discard(unused);
            }
        }
    }

    private async Task<ChangeOutcome> ChangeOnceAsync(Actor actor, ReportingPeriod period, string unitCode, string requirementId, ReportChange change)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Requirement(requirementId) is not { } requirement)
        {
            return ChangeOutcome.UnknownRequirement;
        }

        if (!Valid(change))
        {
            return ChangeOutcome.Invalid;
        }

        var now = clock.UtcNow.UtcDateTime;
        return await storage.WriteAsync(tx =>
        {
            // Checked inside the transaction: a lock committed a moment earlier wins over a late change.
            if (store.Lock(period.Id) is not null)
            {
                return ChangeOutcome.Locked;
            }

            var report = store.Find(ImplementationReport.IdFor(period.Id, unitCode, requirement.Id)) ?? Empty(period, unitCode, requirement.Id);
            var changed = new List<string>();
            if (change.Status is { } status && status != report.Status)
            {
                changed.Add("status " + report.Status + "→" + status);
                report.Status = status;
            }

            report.Actions = Apply(report.Actions, change.Actions, "actions", changed);
            report.Results = Apply(report.Results, change.Results, "results", changed);
            report.Difficulties = Apply(report.Difficulties, change.Difficulties, "difficulties", changed);
            report.Proposals = Apply(report.Proposals, change.Proposals, "proposals", changed);
            report.EvidenceLink = Apply(report.EvidenceLink, change.EvidenceLink, "evidenceLink", changed);
            if (change.Evidence is { } evidence)
            {
                changed.Add(string.Create(CultureInfo.InvariantCulture, $"evidence {evidence.FileName} ({evidence.ContentType}, {evidence.Size} bytes)"));
                report.Evidence = evidence;
            }

            report.UpdatedAt = now;
            report.UpdatedBy = actor.Name;
            store.Save(tx, report);
            if (changed.Contains("proposals"))
            {
                ForwardProposals(tx, period, report, now);
            }

            audit.Write(tx, actor.AuditId, "implementation.report", report.Id, string.Join("; ", changed) + " (" + actor.Name + ")");
            return ChangeOutcome.Saved;
        });
    }

    /// <summary>Locks or unlocks a period (bloc admins only, checked by the caller); false when it already was.</summary>
    public Task<bool> SetLockAsync(Actor actor, ReportingPeriod period, bool locked)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.UtcNow.UtcDateTime;
        return storage.WriteAsync(tx =>
        {
            var existing = store.Lock(period.Id);
            if (locked == existing is not null)
            {
                return false;
            }

            if (locked)
            {
                store.SaveLock(tx, new PeriodLock { Id = period.Id, LockedAt = now, LockedBy = actor.Name });
            }
            else
            {
                store.DeleteLock(tx, period.Id);
            }

            audit.Write(tx, actor.AuditId, locked ? "implementation.lock" : "implementation.unlock", period.Id, actor.Name);
            return true;
        });
    }

    /// <summary>The reporting units in <paramref name="scope"/> × the requirements for <paramref name="period"/>.</summary>
    public ImplementationMatrix Matrix(ReportingPeriod period, IReadOnlyCollection<string> scope)
    {
        var requirements = Requirements();
        var index = requirements.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var byUnit = new Dictionary<string, ImplementationStatus?[]>(StringComparer.Ordinal);
        // The per-unit status rows, not the reports: 500 small documents a period instead of 4,000 with their texts.
        foreach (var unit in store.Statuses(period.Id))
        {
            var statuses = new ImplementationStatus?[requirements.Count];
            foreach (var (requirementId, status) in unit.ByRequirement)
            {
                if (index.TryGetValue(requirementId, out var column))
                {
                    statuses[column] = status;
                }
            }

            byUnit[unit.UnitCode] = statuses;
        }

        var rows = ReportingUnits(scope)
            .Select(u => new MatrixRow(u.Code, u.Name, byUnit.GetValueOrDefault(u.Code) ?? new ImplementationStatus?[requirements.Count]))
            .ToList();
        return new ImplementationMatrix(period, IsLocked(period), requirements, rows);
    }

    /// <summary>The units among <paramref name="unitCodes"/> with at least one stored report in the period.</summary>
    public IReadOnlySet<string> UnitsReported(ReportingPeriod period, IReadOnlyCollection<string> unitCodes)
    {
        var set = unitCodes as ISet<string> ?? unitCodes.ToHashSet(StringComparer.Ordinal);
        return store.Statuses(period.Id).Select(u => u.UnitCode).Where(set.Contains).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every stored report of the period for these units (the DOCX, the proposals list).</summary>
    public IReadOnlyList<ImplementationReport> Reports(ReportingPeriod period, IReadOnlyCollection<string> unitCodes)
    {
        var set = unitCodes as ISet<string> ?? unitCodes.ToHashSet(StringComparer.Ordinal);
        return store.ForPeriod(period.Id).Where(r => set.Contains(r.UnitCode)).ToList();
    }

    public static string StatusLabel(ImplementationStatus? status, string? language = "vi") => (status, language == "en") switch
    {
        (ImplementationStatus.Done, false) => "Đã hoàn thành",
        (ImplementationStatus.InProgress, false) => "Đang triển khai",
        (ImplementationStatus.NotStarted, false) => "Chưa triển khai",
        (null, false) => "Chưa báo cáo",
        (ImplementationStatus.Done, true) => "Completed",
        (ImplementationStatus.InProgress, true) => "In progress",
        (ImplementationStatus.NotStarted, true) => "Not started",
        _ => "Not reported",
    };

    /// <summary>The feedback id of a unit's kiến nghị on one requirement in one period: one entry, replaced on correction.</summary>
    public static string FeedbackIdFor(string reportId) => "impl:" + reportId;

    /// <summary>
    /// A unit's kiến nghị go to the bloc where propaganda staff read cadres' feedback (<c>GET /api/feedback</c>), with the
    /// unit and the requirement named; cleared proposals are withdrawn there too. Not personal: no person is linked.
    /// </summary>
    private void ForwardProposals(ITransaction tx, ReportingPeriod period, ImplementationReport report, DateTime now)
    {
        var id = FeedbackIdFor(report.Id);
        if (report.Proposals is null)
        {
            feedback.Delete(tx, id);
            return;
        }

        var unitName = units.Find(report.UnitCode)?.Name ?? report.UnitCode;
        feedback.Upsert(tx, new Engagement.Feedback
        {
            Id = id,
            Anonymous = false,
            UnitCode = report.UnitCode,
            Text = $"Kiến nghị của {unitName} về nội dung {report.RequirementId} ({period.Label()}): {report.Proposals}",
            CreatedAt = now,
            Source = "implementation",
            RequirementId = report.RequirementId,
            PeriodId = period.Id,
        });
    }

    private static bool Valid(ReportChange change)
    {
        var texts = new[] { change.Actions, change.Results, change.Difficulties, change.Proposals, change.EvidenceLink };
        if (texts.Any(t => t is { Length: > MaxText }))
        {
            return false;
        }

        return string.IsNullOrWhiteSpace(change.EvidenceLink)
            || (Uri.TryCreate(change.EvidenceLink.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
    }

    private static string? Apply(string? current, string? value, string name, List<string> changed)
    {
        if (value is null)
        {
            return current;
        }

        var next = value.Trim().Length == 0 ? null : value.Trim();
        if (next != current)
        {
            changed.Add(name);
        }

        return next;
    }

    private static ImplementationReport Empty(ReportingPeriod period, string unitCode, string requirementId) => new()
    {
        Id = ImplementationReport.IdFor(period.Id, unitCode, requirementId),
        PeriodId = period.Id,
        UnitCode = unitCode,
        RequirementId = requirementId,
        Status = ImplementationStatus.NotStarted,
    };
}
