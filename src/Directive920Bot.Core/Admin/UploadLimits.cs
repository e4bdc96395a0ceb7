using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Directive920Bot.Localization;

namespace Directive920Bot.Admin;

/// <summary>
/// What an uploaded roster or unit file may be, checked before any parser sees it: its bytes, and for an XLSX its
/// archive (entry count, every entry's real uncompressed size — counted while inflating, not taken from the header — and
/// each sheet's declared &lt;dimension&gt;, which MiniExcel would otherwise size its rows from). Rows and columns are
/// capped again while the rows stream.
/// </summary>
public static class UploadLimits
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 20_000;
    public const int MaxColumns = 50;

    /// <summary>The request limit of the upload endpoint: the file and the multipart framing around it.</summary>
    public const long MaxRequestBytes = MaxBytes + (64 * 1024);

    private const long MaxUncompressedBytes = 50L * 1024 * 1024;
    private const int MaxEntries = 200;

    /// <summary>Reads at most <see cref="MaxBytes"/> into memory; null when the content is longer (the rest is not read).</summary>
    public static MemoryStream? ReadCapped(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                buffer.Dispose();
                return null;
            }
        }

        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Checks an XLSX archive before it is parsed; returns the reason it is refused, or null.</summary>
    public static string? CheckXlsx(Stream content, string language = Languages.Vietnamese)
    {
        ArgumentNullException.ThrowIfNull(content);
        var start = content.Position;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries)
            {
                return RosterImportTexts.TooManyParts.Format(language, zip.Entries.Count, MaxEntries);
            }

            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                // The declared size first (cheap), then the real one: a forged header must not let a bomb through.
                total += entry.Length;
                if (total > MaxUncompressedBytes)
                {
                    return UncompressedTooLarge(language);
                }

                using var stream = entry.Open();
                long inflated = 0;
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    inflated += read;
                    if (total - entry.Length + inflated > MaxUncompressedBytes)
                    {
                        return UncompressedTooLarge(language);
                    }
                }

                total += inflated - entry.Length;
                if (entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                {
                    using var sheet = entry.Open();
                    if (CheckDimension(sheet, language) is { } refused)
                    {
                        return refused;
                    }
                }
            }

            return null;
        }
        finally
        {
            content.Position = start;
        }
    }

    private static string UncompressedTooLarge(string language) =>
        RosterImportTexts.Unpacked.Format(language, MaxUncompressedBytes / (1024 * 1024));

    /// <summary>MiniExcel sizes every row from the sheet's &lt;dimension ref="A1:XFD1048576"/&gt; (MiniExcel#705): refuse a huge one.</summary>
    private static string? CheckDimension(Stream sheet, string language)
    {
        using var reader = XmlReader.Create(sheet, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "sheetData")
            {
                return null; // the dimension, when present, comes before the data
            }

            if (reader.LocalName == "dimension" && reader.GetAttribute("ref") is { } range)
            {
                var (columns, rows) = Size(range);
                if (columns > MaxColumns)
                {
                    return RosterImportTexts.SheetColumns.Format(language, columns, range, MaxColumns);
                }

                if (rows > MaxRows + 1)
                {
                    return RosterImportTexts.SheetRows.Format(language, rows, range, MaxRows);
                }

                return null;
            }
        }

        return null;
    }

    private static (long Columns, long Rows) Size(string range)
    {
        var parts = range.Split(':');
        var (c1, r1) = Cell(parts[0]);
        var (c2, r2) = parts.Length > 1 ? Cell(parts[1]) : (c1, r1);
        return (Math.Abs(c2 - c1) + 1, Math.Abs(r2 - r1) + 1);
    }

    private static (long Column, long Row) Cell(string reference)
    {
        long column = 0, row = 0;
        foreach (var c in reference.ToUpperInvariant())
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = Math.Min((column * 26) + (c - 'A' + 1), int.MaxValue);
            }
            else if (c is >= '0' and <= '9')
            {
                row = Math.Min((row * 10) + (c - '0'), int.MaxValue);
            }
        }

        return (column, row);
    }
}
