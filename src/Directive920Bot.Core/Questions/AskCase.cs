namespace Directive920Bot.Questions;

/// <summary>A question of the evaluation set and the item ids that answer it; none for an off-topic question.</summary>
public sealed record AskCase(string Question, IReadOnlyList<string> Expected)
{
    public bool OffTopic => Expected.Count == 0;

    /// <summary>
    /// Reads the tab-separated set: <c>L2|L4&lt;TAB&gt;question</c>, <c>-&lt;TAB&gt;question</c> for off-topic; # starts a comment.
    /// </summary>
    public static IReadOnlyList<AskCase> Read(string path)
    {
        var cases = new List<AskCase>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t', 2);
            if (parts.Length != 2)
            {
                throw new FormatException($"{path}: '{line}' is not 'ids<TAB>question'");
            }

            var expected = parts[0].Trim() == "-" ? [] : parts[0].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            cases.Add(new AskCase(parts[1].Trim(), expected));
        }

        return cases;
    }
}
