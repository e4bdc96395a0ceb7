using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Directive920Bot.Reports;

/// <summary>
/// Gives numeric cells of whole columns Excel's built-in "0.00%" format. MiniExcel writes numbers but no per-column
/// number format, and a percentage written as text ("18,2%") cannot be summed or sorted, so the format is added after.
/// </summary>
public static class XlsxPercentFormat
{
    /// <summary>Excel's built-in number format 10: 0.00%.</summary>
    private const uint BuiltInPercent = 10;

    public static byte[] Apply(byte[] xlsx, IReadOnlyCollection<int> columns)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentNullException.ThrowIfNull(columns);
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var workbook = document.WorkbookPart!;
            var stylesPart = workbook.WorkbookStylesPart ?? workbook.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet ??= new Stylesheet(new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()), new CellFormats(new CellFormat()));
            var formats = stylesPart.Stylesheet.CellFormats ??= new CellFormats(new CellFormat());
            formats.Append(new CellFormat { NumberFormatId = BuiltInPercent, ApplyNumberFormat = true, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 });
            var style = (uint)formats.Elements<CellFormat>().Count() - 1;
            formats.Count = (uint)formats.Elements<CellFormat>().Count();
            stylesPart.Stylesheet.Save();

            var letters = columns.Select(ColumnLetters).ToHashSet(StringComparer.Ordinal);
            foreach (var sheet in workbook.WorksheetParts)
            {
                foreach (var cell in sheet.Worksheet.Descendants<Cell>())
                {
                    var reference = cell.CellReference?.Value ?? "";
                    var column = new string(reference.TakeWhile(char.IsLetter).ToArray());
                    if (letters.Contains(column) && (cell.DataType is null || cell.DataType.Value == CellValues.Number) && cell.CellValue is not null)
                    {
                        cell.StyleIndex = style;
                    }
                }

                sheet.Worksheet.Save();
            }
        }

        return stream.ToArray();
    }

    private static string ColumnLetters(int column)
    {
        var letters = "";
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
