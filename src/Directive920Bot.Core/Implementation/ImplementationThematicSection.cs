using Directive920Bot.Registration;
using Directive920Bot.Reports;
using DocumentFormat.OpenXml.Wordprocessing;
using static Directive920Bot.Reports.ReportExports;

namespace Directive920Bot.Implementation;

/// <summary>
/// "V. Kết quả thực hiện" of the thematic DOCX: per requirement the units done / in progress / not started / not
/// reported, quoted highlights of what was done, and the units' proposals (kiến nghị) — compiled from the reports of the
/// periods the document's days fall in (the latest period's report when there are several).
/// </summary>
public sealed class ImplementationThematicSection(ImplementationService service, IUnits units) : IThematicSection
{
    private const int HighlightsPerRequirement = 3;

    public void Append(Body body, string unitCode, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(body);
        var digest = Compile(unitCode, from, to);
        body.Append(Heading("V. Kết quả thực hiện"));
        body.Append(Para(string.Join(", ", digest.Periods.Select(p => p.Label())) is var labels && digest.Periods.Count > 0
            ? $"Tổng hợp từ báo cáo kết quả thực hiện của {Numbers(digest.Units.Count)} đơn vị, kỳ báo cáo: {labels}."
            : "Không có kỳ báo cáo kết quả thực hiện trong thời gian này."));
        body.Append(Table(["Nội dung", "Đã hoàn thành", "Đang triển khai", "Chưa triển khai", "Chưa báo cáo"],
            digest.Requirements.Select(r => (IReadOnlyList<string>)[r.Requirement.Id + " — " + r.Requirement.TitleVi, Numbers(r.Done), Numbers(r.InProgress),
                Numbers(r.NotStarted), Numbers(r.NotReported)]).ToList()));

        body.Append(Para("Một số kết quả nổi bật:", bold: true));
        foreach (var h in digest.Highlights)
        {
            body.Append(Para($"– Nội dung {h.RequirementId}: “{h.Text}” ({h.UnitName})."));
        }

        if (digest.Highlights.Count == 0)
        {
            body.Append(Para("Chưa có đơn vị báo cáo việc đã làm."));
        }

        body.Append(Para("Kiến nghị, đề xuất của các đơn vị:", bold: true));
        if (digest.Proposals.Count == 0)
        {
            body.Append(Para("Không có kiến nghị."));
        }

        foreach (var p in digest.Proposals)
        {
            body.Append(Para($"– {p.UnitName} (nội dung {p.RequirementId}): {p.Text}"));
        }
    }

    /// <summary>The reports of the periods the days fall in (a unit's latest period's report when there are several).</summary>
    public ImplementationDigest Compile(string unitCode, DateOnly from, DateOnly to)
    {
        var reporting = ReportingUnitsFor(unitCode);
        var periods = new List<ReportingPeriod>();
        for (var p = ReportingPeriod.Containing(to, service.Kind); p.End >= from; p = p.Previous())
        {
            periods.Add(p);
        }

        periods.Reverse();
        var codes = reporting.Select(u => u.Code).ToList();
        var latest = new Dictionary<(string Unit, string Requirement), ImplementationReport>();
        foreach (var period in periods)
        {
            foreach (var report in service.Reports(period, codes))
            {
                latest[(report.UnitCode, report.RequirementId)] = report;
            }
        }

        var names = reporting.ToDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal);
        var requirements = service.Requirements();
        var tallies = new List<RequirementTally>();
        var highlights = new List<UnitQuote>();
        foreach (var requirement in requirements)
        {
            var of = reporting.Select(u => latest.GetValueOrDefault((u.Code, requirement.Id))).ToList();
            tallies.Add(new RequirementTally(requirement,
                of.Count(r => r?.Status == ImplementationStatus.Done),
                of.Count(r => r?.Status == ImplementationStatus.InProgress),
                of.Count(r => r?.Status == ImplementationStatus.NotStarted),
                of.Count(r => r is null),
                of.OfType<ImplementationReport>().Select(r => r.UnitCode).ToHashSet(StringComparer.Ordinal)));
            highlights.AddRange(latest.Values
                .Where(r => r.RequirementId == requirement.Id && r.Status != ImplementationStatus.NotStarted && (r.Actions ?? r.Results) is not null)
                .OrderByDescending(r => r.Status).ThenBy(r => r.UnitCode, StringComparer.Ordinal)
                .Take(HighlightsPerRequirement)
                .Select(r => new UnitQuote(r.UnitCode, names.GetValueOrDefault(r.UnitCode, r.UnitCode), requirement.Id,
                    string.Join("; ", new[] { r.Actions, r.Results }.OfType<string>()))));
        }

        var proposals = latest.Values.Where(r => r.Proposals is not null)
            .OrderBy(r => r.UnitCode, StringComparer.Ordinal).ThenBy(r => r.RequirementId, StringComparer.Ordinal)
            .Select(r => new UnitQuote(r.UnitCode, names.GetValueOrDefault(r.UnitCode, r.UnitCode), r.RequirementId, r.Proposals!))
            .ToList();
        return new ImplementationDigest(periods, reporting, tallies, highlights, proposals);
    }

    /// <summary>The reporting units under the unit, or the reporting unit above it when it sits lower in the tree.</summary>
    private List<Unit> ReportingUnitsFor(string unitCode)
    {
        var below = service.ReportingUnits(units.SubTree(unitCode).Select(u => u.Code).ToList()).ToList();
        if (below.Count > 0 || units.Find(unitCode) is not { } unit)
        {
            return below;
        }

        return units.All().Where(u => service.IsReportingUnit(u.Code) && unit.Path.StartsWith(u.Path, StringComparison.Ordinal)).ToList();
    }

    private static string Numbers(int value) => Localization.Numbers.Count(value);
}
