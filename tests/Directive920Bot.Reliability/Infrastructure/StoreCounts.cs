using LiteDB;

namespace Directive920Bot.Reliability.Infrastructure;

/// <summary>The number of documents in each collection of a database file no process has open.</summary>
public static class StoreCounts
{
    /// <summary>Channel plumbing that any update touches by design: the durable inbox, seen update ids, the poll offset (kept in _meta).</summary>
    private static readonly string[] Plumbing = ["inbox", "update", "offset", "cursor", "_meta"];

    public static SortedDictionary<string, int> Of(string databasePath)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = databasePath, Connection = ConnectionType.Direct, ReadOnly = true });
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in db.GetCollectionNames())
        {
            if (!Plumbing.Any(p => name.Contains(p, StringComparison.OrdinalIgnoreCase)))
            {
                counts[name] = db.GetCollection(name).Count();
            }
        }

        return counts;
    }

    /// <summary>The collections whose counts differ, as "name: before → after"; empty when none.</summary>
    public static string Diff(IReadOnlyDictionary<string, int> before, IReadOnlyDictionary<string, int> after) =>
        string.Join("; ", before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Select(k => $"{k}: {before.GetValueOrDefault(k)} → {after.GetValueOrDefault(k)}"));
}
