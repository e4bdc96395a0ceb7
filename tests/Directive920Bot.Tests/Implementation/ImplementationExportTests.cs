using Directive920Bot.Implementation;
using Directive920Bot.Reports;

namespace Directive920Bot.Tests.Implementation;

public sealed class ImplementationExportTests
{
    private static readonly ImplementationMatrix Matrix = new(
        new ReportingPeriod(PeriodKind.Quarter, 2026, 4),
        false,
        [new Requirement("L1", "leaders", "Lãnh đạo", "Leadership"), new Requirement("S1", "staff", "Bản lĩnh", "Will")],
        [new MatrixRow("SNV", "Sở Nội vụ", [ImplementationStatus.Done, null]), new MatrixRow("STC", "Sở Tài chính", [null, ImplementationStatus.NotStarted])]);

    [Fact]
    public void The_matrix_csv_has_one_column_per_requirement_with_the_vietnamese_status()
    {
        var csv = System.Text.Encoding.UTF8.GetString(ReportExports.Write(ImplementationExport.Rows(Matrix), ExportFormat.Csv)).TrimStart('\uFEFF');
        Assert.Equal(["Mã đơn vị,Đơn vị,L1,S1", "SNV,Sở Nội vụ,Đã hoàn thành,Chưa báo cáo", "STC,Sở Tài chính,Chưa báo cáo,Chưa triển khai"],
            csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray());
    }

    [Fact]
    public void The_matrix_xlsx_is_a_workbook_holding_the_statuses()
    {
        var xlsx = ReportExports.Write(ImplementationExport.Rows(Matrix), ExportFormat.Xlsx);
        using var stream = new MemoryStream(xlsx);
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("Đã hoàn thành", rows[0]["L1"]);
        Assert.Equal("Chưa triển khai", rows[1]["S1"]);
    }
}
