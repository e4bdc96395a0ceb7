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
internal sealed class ImplementationThematicSection(ImplementationService service, IUnits units) : IThematicSection
{
    private const int HighlightsPerRequirement = 3;

    public void Append(Body body, string unitCode, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(body);
        var reporting = ReportingUnitsFor(unitCode);
        var periods = new List<ReportingPeriod>();
        for (var p = ReportingPeriod.Containing(to, service.Kind); p.End >= from; p = p.Previous())
        {
            periods.Add(p);
        }

        body.Append(Heading("V. Kết quả thực hiện"));
        body.Append(Para(string.Join(", ", periods.AsEnumerable().Reverse().Select(p => p.Label())) is var labels && periods.Count > 0
            ? $"Tổng hợp từ báo cáo kết quả thực hiện của {Numbers(reporting.Count)} đơn vị, kỳ báo cáo: {labels}."
            : "Không có kỳ báo cáo kết quả thực hiện trong thời gian này."));
        var codes = reporting.Select(u => u.Code).ToList();
        var latest = new Dictionary<(string Unit, string Requirement), ImplementationReport>();
        foreach (var period in periods.AsEnumerable().Reverse())
        {
            foreach (var report in service.Reports(period, codes))
            {
                latest[(report.UnitCode, report.RequirementId)] = report;
            }
        }

        var requirements = service.Requirements();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var requirement in requirements)
        {
            var of = reporting.Select(u => latest.GetValueOrDefault((u.Code, requirement.Id))).ToList();
            rows.Add([
                requirement.Id + " — " + requirement.TitleVi,
                Numbers(of.Count(r => r?.Status == ImplementationStatus.Done)),
                Numbers(of.Count(r => r?.Status == ImplementationStatus.InProgress)),
                Numbers(of.Count(r => r?.Status == ImplementationStatus.NotStarted)),
                Numbers(of.Count(r => r is null)),
            ]);
        }

        body.Append(Table(["Nội dung", "Đã hoàn thành", "Đang triển khai", "Chưa triển khai", "Chưa báo cáo"], rows));

        body.Append(Para("Một số kết quả nổi bật:", bold: true));
        var names = reporting.ToDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal);
        var anyHighlight = false;
        foreach (var requirement in requirements)
        {
            var highlights = latest.Values
                .Where(r => r.RequirementId == requirement.Id && r.Status != ImplementationStatus.NotStarted && (r.Actions ?? r.Results) is not null)
                .OrderByDescending(r => r.Status).ThenBy(r => r.UnitCode, StringComparer.Ordinal)
                .Take(HighlightsPerRequirement);
            foreach (var r in highlights)
            {
                var what = string.Join("; ", new[] { r.Actions, r.Results }.OfType<string>());
                body.Append(Para($"– Nội dung {requirement.Id}: “{what}” ({names.GetValueOrDefault(r.UnitCode, r.UnitCode)})."));
                anyHighlight = true;
            }
        }

        if (!anyHighlight)
        {
            body.Append(Para("Chưa có đơn vị báo cáo việc đã làm."));
        }

        body.Append(Para("Kiến nghị, đề xuất của các đơn vị:", bold: true));
        var proposals = latest.Values.Where(r => r.Proposals is not null).OrderBy(r => r.UnitCode, StringComparer.Ordinal).ThenBy(r => r.RequirementId, StringComparer.Ordinal).ToList();
        if (proposals.Count == 0)
        {
            body.Append(Para("Không có kiến nghị."));
        }

        foreach (var r in proposals)
        {
            body.Append(Para($"– {names.GetValueOrDefault(r.UnitCode, r.UnitCode)} (nội dung {r.RequirementId}): {r.Proposals}"));
        }
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
