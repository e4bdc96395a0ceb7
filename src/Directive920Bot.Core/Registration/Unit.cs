using System.Globalization;
using System.Text;

namespace Directive920Bot.Registration;

/// <summary>An organisational unit: the bloc, a grassroots party committee, an agency, a division or a cell.</summary>
public sealed class Unit
{
    /// <summary>The unit's key.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? ParentCode { get; set; }

    /// <summary>Codes from the root down, "/KHOI/SNV/SNV-VP/": a sub-tree is a prefix query.</summary>
    public string Path { get; set; } = "";

    /// <summary>Handed out as a deep link (t.me/bot?start=u_CODE) so cadres of this unit skip choosing it.</summary>
    public string InviteCode { get; set; } = "";

    /// <summary>Lower-case name without diacritics, for search as the cadre types.</summary>
    public string SearchKey { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public int Depth => Path.Count(c => c == '/') - 2;
}

public static class TextFold
{
    /// <summary>"Sở Nội vụ" → "so noi vu": what a cadre typing without diacritics would match.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
