using System.Globalization;
using System.Text;

namespace Directive920Bot.Zalo;

/// <summary>
/// Reads a typed reply against the numbered choices offered: "1", "1.", "số 1", "một", "mot", "Một!" or the words of a
/// choice all mean choice 1. Vietnamese is compared without diacritics (many cadres type without them), đ as d.
/// </summary>
public static class TypedReply
{
    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["mot"] = 1, ["hai"] = 2, ["ba"] = 3, ["bon"] = 4, ["tu"] = 4, ["nam"] = 5, ["sau"] = 6, ["bay"] = 7, ["tam"] = 8, ["chin"] = 9, ["muoi"] = 10,
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
    };

    private static readonly string[] Prefixes = ["so ", "chon ", "phuong an ", "dap an ", "lua chon ", "number ", "option "];

    /// <summary>What a reply is, given <paramref name="labels"/> (the choices as numbered, 1 = the first).</summary>
    public static TypedReplyResult Read(string text, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(labels);
        var normal = Normalize(text);
        if (normal.Length == 0)
        {
            return TypedReplyResult.NotAChoice;
        }

        if (Number(normal) is { } number)
        {
            return number >= 1 && number <= labels.Count ? TypedReplyResult.Chose(number - 1) : TypedReplyResult.WrongNumber;
        }

        // The words of one choice (or enough of them to name only it).
        var exact = labels.Select((l, i) => (Label: Normalize(l), Index: i)).Where(l => l.Label == normal).ToList();
        if (exact.Count == 1)
        {
            return TypedReplyResult.Chose(exact[0].Index);
        }

        if (normal.Length >= 4)
        {
            var partial = labels.Select((l, i) => (Label: Normalize(l), Index: i)).Where(l => l.Label.Contains(normal, StringComparison.Ordinal)).ToList();
            if (partial.Count == 1)
            {
                return TypedReplyResult.Chose(partial[0].Index);
            }
        }

        return TypedReplyResult.NotAChoice;
    }

    private static int? Number(string normal)
    {
        var word = normal;
        foreach (var prefix in Prefixes)
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal))
            {
                word = word[prefix.Length..].Trim();
                break;
            }
        }

        if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var digits))
        {
            return digits;
        }

        return NumberWords.TryGetValue(word, out var n) ? n : null;
    }

    /// <summary>Lower case, no diacritics (đ → d), punctuation at the ends dropped, inner spaces single.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        var trimmed = plain.ToString().Trim(' ', '.', ',', ')', '(', '!', '?', ':', ';', '"', '\'', '«', '»');
        return string.Join(' ', trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
