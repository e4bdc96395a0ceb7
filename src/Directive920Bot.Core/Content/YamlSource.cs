using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Directive920Bot.Content;

/// <summary>Collects diagnostics while a content folder loads.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<ContentDiagnostic> items = [];

    public IReadOnlyList<ContentDiagnostic> Items => items;

    public bool HasErrors => items.Exists(d => d.IsError);

    public void Error(string file, int line, string message) => items.Add(new ContentDiagnostic(file, line, message, IsError: true));

    public void Warning(string file, int line, string message) => items.Add(new ContentDiagnostic(file, line, message, IsError: false));

    public IReadOnlyList<ContentDiagnostic> Sorted() =>
        [.. items.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.IsError ? 0 : 1)];
}

/// <summary>
/// One YAML text (a whole file, or a front matter block) read through YamlDotNet's representation
/// model so every value keeps its position; <see cref="LineOffset"/> maps YAML lines to file lines.
/// </summary>
internal sealed partial class YamlSource(string file, int lineOffset, DiagnosticBag diagnostics)
{
    public string File { get; } = file;

    public int LineOffset { get; } = lineOffset;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public int Line(YamlNode node) => (int)node.Start.Line + LineOffset;

    /// <summary>Parses the text; returns the root mapping or null (with a diagnostic) when it is not one.</summary>
    public YamlMappingNode? ParseMapping(string text, int lineWhenEmpty)
    {
        var stream = new YamlStream();
        var parser = new TrackingParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            // YamlDotNet prefixes its own (YAML-relative) marks; the file line is reported separately.
            var message = MarkPrefix().Replace(ex.Message, string.Empty);
            Diagnostics.Error(File, (int)ex.Start.Line + LineOffset, $"YAML syntax error: {message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail without a mark on some unclosed brackets; the last event it
            // read is the nearest position we know.
            Diagnostics.Error(File, (int)parser.LastGood.Line + LineOffset, "YAML syntax error: check the brackets [ ] { } and quotes on this line");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var line = stream.Documents.Count == 0 ? lineWhenEmpty : Line(stream.Documents[0].RootNode);
            Diagnostics.Error(File, line, "expected 'key: value' lines");
            return null;
        }

        return root;
    }

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key).Value;

    /// <summary>Warns about keys the format does not know (usually typos such as "requireACK").</summary>
    public void WarnUnknownKeys(YamlMappingNode map, IReadOnlyCollection<string> known, string where)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is YamlScalarNode s && !known.Contains(s.Value ?? string.Empty))
            {
                Diagnostics.Warning(File, Line(key), $"unknown key '{s.Value}' in {where} (known: {string.Join(", ", known)})");
            }
        }
    }

    public void Missing(YamlMappingNode map, string key) =>
        Diagnostics.Error(File, Line(map), $"missing required key '{key}'");

    public string? String(YamlMappingNode map, string key, bool required)
    {
        var node = Get(map, key);
        if (node is null || node is YamlScalarNode { Value: null or "" })
        {
            if (required && node is null)
            {
                Missing(map, key);
            }
            else if (required)
            {
                Diagnostics.Error(File, Line(node!), $"'{key}' is empty");
            }

            return null;
        }

        return Text(node, key);
    }

    public string? Text(YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }

        Diagnostics.Error(File, Line(node), $"'{what}' must be a single text value");
        return null;
    }

    public int? Int(YamlMappingNode map, string key, bool required, int min)
    {
        var node = Get(map, key);
        if (node is null)
        {
            if (required)
            {
                Missing(map, key);
            }

            return null;
        }

        return Int(node, key, min);
    }

    public int? Int(YamlNode node, string what, int min)
    {
        if (node is YamlScalarNode scalar && int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            if (value < min)
            {
                Diagnostics.Error(File, Line(node), $"'{what}' must be at least {min}, got {value}");
                return null;
            }

            return value;
        }

        Diagnostics.Error(File, Line(node), $"'{what}' must be a whole number");
        return null;
    }

    public bool? Bool(YamlMappingNode map, string key)
    {
        var node = Get(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar && bool.TryParse(scalar.Value, out var value))
        {
            return value;
        }

        Diagnostics.Error(File, Line(node), $"'{key}' must be true or false");
        return null;
    }

    public YamlSequenceNode? Sequence(YamlMappingNode map, string key, bool required)
    {
        var node = Get(map, key);
        switch (node)
        {
            case null:
                if (required)
                {
                    Missing(map, key);
                }

                return null;
            case YamlSequenceNode seq:
                return seq;
            default:
                Diagnostics.Error(File, Line(node), $"'{key}' must be a list ([a, b] or lines starting with '- ')");
                return null;
        }
    }

    public YamlMappingNode? Mapping(YamlMappingNode map, string key)
    {
        var node = Get(map, key);
        switch (node)
        {
            case null:
                return null;
            case YamlMappingNode m:
                return m;
            default:
                Diagnostics.Error(File, Line(node), $"'{key}' must be a group of 'key: value' lines");
                return null;
        }
    }

    public TimeOnly? Time(YamlMappingNode map, string key)
    {
        var node = Get(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar
            && TimeOnly.TryParseExact(scalar.Value, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        Diagnostics.Error(File, Line(node), $"'{key}' must be a time such as \"08:00\"");
        return null;
    }

    public DayOfWeek? Day(YamlNode node, string what)
    {
        var text = node is YamlScalarNode s ? s.Value ?? string.Empty : string.Empty;
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var name = day.ToString();
            if (text.Equals(name, StringComparison.OrdinalIgnoreCase) || text.Equals(name[..3], StringComparison.OrdinalIgnoreCase))
            {
                return day;
            }
        }

        Diagnostics.Error(File, Line(node), $"'{what}' must be a day: Mon, Tue, Wed, Thu, Fri, Sat or Sun");
        return null;
    }

    /// <summary>Reads a value that must be one of a few words; returns null (with an error) otherwise.</summary>
    public string? OneOf(YamlMappingNode map, string key, bool required, params string[] allowed)
    {
        var value = String(map, key, required);
        if (value is null)
        {
            return null;
        }

        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            Diagnostics.Error(File, Line(Get(map, key)!), $"'{key}' must be one of {string.Join(", ", allowed)}; got '{value}'");
            return null;
        }

        return value;
    }

    /// <summary>Remembers where the last successfully parsed YAML event started.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public Mark LastGood { get; private set; } = new(0, 1, 1);

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            if (inner.Current is { } current)
            {
                LastGood = current.Start;
            }

            return moved;
        }
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();
}
