using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Directive920Bot.Storage;

namespace Directive920Bot.Registration;

/// <summary>
/// Imports the organisation tree from CSV (<c>code,name,parent_code</c>). Every bad row is reported with its line;
/// a file with any error imports nothing. Re-importing updates names and parents and keeps invite codes and members.
/// </summary>
public sealed partial class UnitImporter(IUnits units, IStorage storage, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time)
{
    private static readonly string[] Columns = ["code", "name", "parent_code"];

    public ImportResult Import(string fileLabel, TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<string>();
        var rows = new List<(int Line, string Code, string Name, string? Parent)>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, MissingFieldFound = null, BadDataFound = null, DetectDelimiter = false };
        using (var csv = new CsvReader(reader, config))
        {
            if (!csv.Read() || !csv.ReadHeader())
            {
                return new ImportResult(0, 0, [$"{fileLabel}:1: the file is empty; expected the header code,name,parent_code"]);
            }

            var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            if (header.Length > Admin.UploadLimits.MaxColumns)
            {
                return new ImportResult(0, 0, [string.Create(CultureInfo.InvariantCulture, $"{fileLabel}:1: the header has {header.Length} columns; at most {Admin.UploadLimits.MaxColumns}")]);
            }

            foreach (var missing in Columns.Where(c => !header.Contains(c)))
            {
                errors.Add($"{fileLabel}:1: missing column '{missing}' (expected code,name,parent_code)");
            }

            if (errors.Count > 0)
            {
                return new ImportResult(0, 0, errors);
            }

            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                if (rows.Count >= Admin.UploadLimits.MaxRows)
                {
                    return new ImportResult(0, 0, [string.Create(CultureInfo.InvariantCulture, $"{fileLabel}:{line}: more than {Admin.UploadLimits.MaxRows} units; nothing imported")]);
                }

                var code = (csv.GetField("code") ?? "").Trim().ToUpperInvariant();
                var name = (csv.GetField("name") ?? "").Trim();
                var parent = (csv.GetField("parent_code") ?? "").Trim().ToUpperInvariant();
                if (code.Length == 0 && name.Length == 0 && parent.Length == 0)
                {
                    continue;
                }

                if (!CodePattern().IsMatch(code))
                {
                    errors.Add($"{fileLabel}:{line}: code '{code}' must be 1–32 letters, digits, '-' or '_'");
                }

                if (name.Length is 0 or > 200 || name.Any(char.IsControl))
                {
                    errors.Add($"{fileLabel}:{line}: name must be 1–200 printable characters");
                }

                rows.Add((line, code, name, parent.Length == 0 ? null : parent));
            }
        }

        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!firstLine.TryAdd(row.Code, row.Line))
            {
                errors.Add($"{fileLabel}:{row.Line}: duplicate code '{row.Code}' (first on line {firstLine[row.Code]})");
            }
        }

        var existing = units.All().ToDictionary(u => u.Code, StringComparer.Ordinal);
        var parents = existing.ToDictionary(kv => kv.Key, kv => kv.Value.ParentCode, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            parents[row.Code] = row.Parent;
        }

        foreach (var row in rows.Where(r => r.Parent is not null))
        {
            if (row.Parent == row.Code)
            {
                errors.Add($"{fileLabel}:{row.Line}: unit '{row.Code}' cannot be its own parent");
            }
            else if (!parents.ContainsKey(row.Parent!))
            {
                errors.Add($"{fileLabel}:{row.Line}: parent_code '{row.Parent}' is neither in this file nor already imported");
            }
            else if (HasCycle(row.Code, parents))
            {
                errors.Add($"{fileLabel}:{row.Line}: parent_code '{row.Parent}' would make a cycle");
            }
        }

        if (errors.Count > 0)
        {
            return new ImportResult(0, 0, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var added = 0;
        var updated = 0;
        var all = new Dictionary<string, Unit>(existing, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (all.TryGetValue(row.Code, out var unit))
            {
                updated++;
            }
            else
            {
                unit = new Unit { Code = row.Code, InviteCode = NewInviteCode() };
                all[row.Code] = unit;
                added++;
            }

            unit.Name = row.Name;
            unit.ParentCode = row.Parent;
            unit.SearchKey = TextFold.Fold(row.Name);
            unit.UpdatedAt = now;
        }

        foreach (var unit in all.Values)
        {
            unit.Path = PathOf(unit.Code, parents);
        }

        var changed = all.Values.ToList();
        storage.Write(tx => units.SaveAll(tx, changed));
        return new ImportResult(added, updated, []);
    }

    private static bool HasCycle(string start, Dictionary<string, string?> parents)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var code = start; code is not null; code = parents.GetValueOrDefault(code))
        {
            if (!seen.Add(code))
            {
                return true;
            }
        }

        return false;
    }

    private static string PathOf(string code, Dictionary<string, string?> parents)
    {
        var chain = new List<string>();
        for (var c = code; c is not null; c = parents.GetValueOrDefault(c))
        {
            chain.Add(c);
        }

        chain.Reverse();
        return "/" + string.Join('/', chain) + "/";
    }

    private static string NewInviteCode() =>
        Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant();

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_-]{0,31}$")]
    private static partial Regex CodePattern();
}
