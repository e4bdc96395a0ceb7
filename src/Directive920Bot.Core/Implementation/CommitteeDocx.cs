using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Directive920Bot.Implementation;

/// <summary>
/// The layout of a party document (Hướng dẫn 36-HD/VPTW) for the committee's reports: A4, Times New Roman 14 pt body,
/// the two header blocks side by side, the italic place and date line, the title block, page numbers at the top centre
/// from the second page, and "Nơi nhận" beside the signature block at the end.
/// </summary>
internal static class CommitteeDocx
{
    public const string Font = "Times New Roman";
    private const int Body = 28; // half-points: 14 pt

    public static void Setup(MainDocumentPart main, Body body)
    {
        // Page numbers: a header with the PAGE field, shown from the second page (the first carries the header blocks).
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new SimpleField(Run("2", size: 26)) { Instruction = " PAGE " }));
        header.Header.Save();
        var empty = main.AddNewPart<HeaderPart>();
        empty.Header = new Header(new Paragraph());
        empty.Header.Save();
        const int mm = 57; // twips per millimetre (56.7)
        body.Append(new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(empty) },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 20 * mm, Bottom = 20 * mm, Left = (uint)(30 * mm), Right = (uint)(15 * mm), Header = (uint)(10 * mm), Footer = (uint)(10 * mm), Gutter = 0 },
            new TitlePage()));
    }

    /// <summary>Left: superior body, issuing body (bold), "*", the number line. Right: the party's name and the place and date line.</summary>
    public static Table HeaderBlocks(CommitteeReportOptions o, int year)
    {
        var left = new TableCell(
            Width(45),
            Para(o.SuperiorBody.ToUpper(Vi), center: true, size: 26),
            Para(o.IssuingBody.ToUpper(Vi), bold: true, center: true, size: 26),
            Para("*", center: true, size: 26),
            Para("Số      -" + o.NumberSuffix, center: true, size: 26));
        var right = new TableCell(
            Width(55),
            Para("ĐẢNG CỘNG SẢN VIỆT NAM", bold: true, center: true, size: 30, underline: true),
            Para("", size: 20),
            Para(string.Create(CultureInfo.InvariantCulture, $"{o.Place}, ngày    tháng    năm {year}"), italic: true, center: true, size: 26));
        return Borderless(new TableRow(left, right));
    }

    /// <summary>"BÁO CÁO", the subject and the span, then the short rule under them.</summary>
    public static IEnumerable<Paragraph> Title(string subject, string span)
    {
        yield return Para("", size: 20);
        yield return Para("BÁO CÁO", bold: true, center: true, size: 32);
        yield return Para(subject, bold: true, center: true, size: 28);
        yield return Para(span, bold: true, center: true, size: 28);
        yield return Para("-----", center: true, size: 28);
    }

    /// <summary>"Nơi nhận" (left, 12 pt bold italic, lines 11 pt) and "T/M …" with the signer (right, bold, upper case).</summary>
    public static Table Closing(CommitteeReportOptions o)
    {
        var left = new TableCell(Width(45), Para("Nơi nhận:", bold: true, italic: true, size: 24));
        foreach (var line in o.RecipientLines)
        {
            left.Append(Para("- " + line, size: 22));
        }

        var name = string.IsNullOrWhiteSpace(o.SignerName) ? "(Ký, ghi rõ họ tên)" : o.SignerName.Trim();
        var right = new TableCell(
            Width(55),
            Para(o.OnBehalfOf.ToUpper(Vi), bold: true, center: true, size: 28),
            Para(o.SignerTitle.ToUpper(Vi), bold: true, center: true, size: 28),
            Para("", size: 28), Para("", size: 28), Para("", size: 28),
            Para(name, bold: !string.IsNullOrWhiteSpace(o.SignerName), italic: string.IsNullOrWhiteSpace(o.SignerName), center: true, size: 28));
        return Borderless(new TableRow(left, right));
    }

    public static Paragraph Heading(string text) => Para(text, bold: true, size: Body, indent: true);

    public static Paragraph SubHeading(string text) => Para(text, bold: true, italic: true, size: Body, indent: true);

    /// <summary>A body paragraph: justified, first line indented, 14 pt.</summary>
    public static Paragraph Text(string text) => Para(text, size: Body, indent: true, justify: true);

    public static Paragraph Para(string text, bool bold = false, bool italic = false, bool center = false, int size = Body, bool underline = false,
        bool indent = false, bool justify = false)
    {
        var props = new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "60", Line = "276", LineRule = LineSpacingRuleValues.Auto });
        if (indent)
        {
            props.Append(new Indentation { FirstLine = "567" });
        }

        if (center || justify)
        {
            props.Append(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Both });
        }

        return new Paragraph(props, Run(text, bold, italic, size, underline));
    }

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static Run Run(string text, bool bold = false, bool italic = false, int size = Body, bool underline = false)
    {
        var props = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font });
        if (bold)
        {
            props.Append(new Bold());
        }

        if (italic)
        {
            props.Append(new Italic());
        }

        if (underline)
        {
            props.Append(new Underline { Val = UnderlineValues.Single });
        }

        props.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    // The text width of an A4 page with the margins above, in twips: LibreOffice lays a table out from its grid.
    private const int TextWidth = 11906 - (30 * 57) - (15 * 57);

    private static int Twips(int percent) => TextWidth * percent / 100;

    private static TableCellProperties Width(int percent) =>
        new(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = Twips(percent).ToString(CultureInfo.InvariantCulture) });

    private static Table Borderless(TableRow row)
    {
        var none = new TableBorders(
            new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
            new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        return new Table(
            new TableProperties(none, new TableWidth { Type = TableWidthUnitValues.Dxa, Width = TextWidth.ToString(CultureInfo.InvariantCulture) },
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = Twips(45).ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = Twips(55).ToString(CultureInfo.InvariantCulture) }),
            row);
    }
}
