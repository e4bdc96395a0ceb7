using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Directive920Bot.Storage;
using LiteDB;
using MiniExcelLibs;

namespace Directive920Bot.Registration;

/// <summary>One person a unit says should know the notice, whether or not they ever join the bot.</summary>
public sealed class RosterEntry
{
    public int Id { get; set; }

    /// <summary>unit|folded name|phone digits: how a re-import recognises the same person.</summary>
    public string Key { get; set; } = "";

    public string FullName { get; set; } = "";

    /// <summary>Folded name for matching a registration typed with or without diacritics.</summary>
    public string NameKey { get; set; } = "";

    public string UnitCode { get; set; } = "";

    public CadreRole Role { get; set; }

    public string? Position { get; set; }

    public string? Phone { get; set; }

    /// <summary>Personal invite: t.me/bot?start=p_CODE links the registration to this entry exactly.</summary>
    public string InviteCode { get; set; } = "";

    /// <summary>The subscriber linked to this entry; kept across re-imports.</summary>
    public long? SubscriberId { get; set; }

    /// <summary>False once a re-import of the unit no longer lists the person; kept for history and links.</summary>
    public bool Current { get; set; } = true;

    public DateTime UpdatedAt { get; set; }
}

public sealed class RosterStore(Database db)
{
    public const string CollectionName = "roster";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var entries = database.GetCollection<RosterEntry>(CollectionName);
        entries.EnsureIndex(e => e.Key, unique: true);
        entries.EnsureIndex(e => e.UnitCode);
        entries.EnsureIndex(e => e.InviteCode, unique: true);
        entries.EnsureIndex(e => e.SubscriberId);
        mapper.ToDocument(new RosterEntry());
    });

    private ILiteCollection<RosterEntry> Entries => db.Collection<RosterEntry>(CollectionName);

    public RosterEntry? Find(int id) => Entries.FindById(id);

    public RosterEntry? FindByInvite(string code) => Entries.FindOne(e => e.InviteCode == code);

    public RosterEntry? ForSubscriber(long subscriberId) => Entries.FindOne(e => e.SubscriberId == subscriberId);

    public IReadOnlyList<RosterEntry> InUnits(IReadOnlyCollection<string> unitCodes) =>
        Entries.Find(Filter.In(nameof(RosterEntry.UnitCode), unitCodes)).Where(e => e.Current).ToList();

    public IReadOnlyList<RosterEntry> All() => Entries.FindAll().ToList();

    public void Save(RosterEntry entry) => Entries.Upsert(entry);

    internal void SaveAll(IEnumerable<RosterEntry> entries) => db.InTransaction(() =>
    {
        foreach (var entry in entries)
        {
            Entries.Upsert(entry);
        }
    });
}

public sealed record RosterImportResult(int Added, int Updated, int Retired, IReadOnlyList<string> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// Imports a unit's member roster from CSV or XLSX (<c>full_name,unit_code,role,position,phone</c>). Every bad row is
/// reported as <c>file:line: message</c> and a file with any error imports nothing. A re-import updates people it
/// recognises (same unit, name and phone), keeps their invite codes and links, and retires people no longer listed.
/// </summary>
public sealed partial class RosterImporter(RosterStore roster, UnitStore units, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time)
{
    public static readonly string[] Columns = ["full_name", "unit_code", "role", "position", "phone"];
    private static readonly string[] Required = ["full_name", "unit_code", "role"];

    /// <param name="allowedUnits">The units the importer may write (an admin's scope); null for the console and bloc admins.</param>
    public RosterImportResult Import(string fileLabel, Stream content, IReadOnlyCollection<string>? allowedUnits = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var isXlsx = fileLabel.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        List<(int Line, Dictionary<string, string> Fields)> rows;
        try
        {
            rows = isXlsx ? ReadXlsx(content) : ReadCsv(content);
        }
        catch (Exception ex) when (ex is CsvHelperException or InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException)
        {
            return new RosterImportResult(0, 0, 0, [$"{fileLabel}:1: the file cannot be read as {(isXlsx ? "XLSX" : "CSV")}: {ex.GetType().Name}"]);
        }

        return Apply(fileLabel, rows, allowedUnits);
    }

    private RosterImportResult Apply(string fileLabel, List<(int Line, Dictionary<string, string> Fields)> rows, IReadOnlyCollection<string>? allowedUnits)
    {
        var errors = new List<string>();
        if (rows.Count == 0 || rows[0].Line != 1)
        {
            return new RosterImportResult(0, 0, 0, [$"{fileLabel}:1: the file is empty; expected the header {string.Join(',', Columns)}"]);
        }

        var header = rows[0].Fields.Values.Select(h => h.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in Required.Where(c => !header.Contains(c)))
        {
            errors.Add($"{fileLabel}:1: missing column '{missing}' (expected {string.Join(',', Columns)})");
        }

        if (errors.Count > 0)
        {
            return new RosterImportResult(0, 0, 0, errors);
        }

        var parsed = new List<(int Line, RosterEntry Entry)>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, fields) in rows.Skip(1))
        {
            string Get(string column) => fields.TryGetValue(column, out var v) ? v.Trim() : "";
            var name = Get("full_name");
            var unitCode = Get("unit_code").ToUpperInvariant();
            var roleText = Get("role");
            var position = Get("position");
            var phone = Get("phone");
            if (name.Length == 0 && unitCode.Length == 0 && roleText.Length == 0 && position.Length == 0 && phone.Length == 0)
            {
                continue;
            }

            var normalized = RegistrationHandler.NormalizeName(name);
            if (normalized is null)
            {
                errors.Add($"{fileLabel}:{line}: full_name '{name}' must be 2–6 words of letters, 4–80 characters");
            }

            if (units.Find(unitCode) is null)
            {
                errors.Add($"{fileLabel}:{line}: unit_code '{unitCode}' is not an imported unit");
            }
            else if (allowedUnits is not null && !allowedUnits.Contains(unitCode))
            {
                errors.Add($"{fileLabel}:{line}: unit_code '{unitCode}' is outside the units you administer");
            }

            CadreRole? role = TextFold.Fold(roleText) switch
            {
                "leader" or "lanh dao" => CadreRole.Leader,
                "staff" or "can bo" or "cbccvc" => CadreRole.Staff,
                _ => null,
            };
            if (role is null)
            {
                errors.Add($"{fileLabel}:{line}: role '{roleText}' must be leader (lãnh đạo) or staff (cán bộ)");
            }

            var digits = new string(phone.Where(char.IsDigit).ToArray());
            if (phone.Length > 0 && !PhonePattern().IsMatch(phone))
            {
                errors.Add($"{fileLabel}:{line}: phone '{phone}' must be 9–12 digits, optionally starting with +");
            }

            if (position.Length > 120 || position.Any(char.IsControl))
            {
                errors.Add($"{fileLabel}:{line}: position must be at most 120 printable characters");
            }

            if (normalized is null || role is null)
            {
                continue;
            }

            var folded = TextFold.Fold(normalized);
            var key = $"{unitCode}|{folded}|{digits}";
            if (!firstLine.TryAdd(key, line))
            {
                errors.Add($"{fileLabel}:{line}: duplicate person '{name}' in {unitCode} (first on line {firstLine[key]}); add a phone number to tell them apart");
                continue;
            }

            parsed.Add((line, new RosterEntry
            {
                Key = key,
                FullName = normalized,
                NameKey = folded,
                UnitCode = unitCode,
                Role = role.Value,
                Position = position.Length == 0 ? null : position,
                Phone = phone.Length == 0 ? null : phone,
            }));
        }

        if (errors.Count > 0)
        {
            return new RosterImportResult(0, 0, 0, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var fileUnits = parsed.Select(p => p.Entry.UnitCode).ToHashSet(StringComparer.Ordinal);
        var existing = roster.All().ToDictionary(e => e.Key, StringComparer.Ordinal);
        int added = 0, updated = 0, retired = 0;
        var changed = new List<RosterEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, incoming) in parsed)
        {
            seen.Add(incoming.Key);
            if (existing.TryGetValue(incoming.Key, out var entry))
            {
                updated++;
            }
            else
            {
                entry = new RosterEntry { Key = incoming.Key, InviteCode = NewInviteCode() };
                added++;
            }

            entry.FullName = incoming.FullName;
            entry.NameKey = incoming.NameKey;
            entry.UnitCode = incoming.UnitCode;
            entry.Role = incoming.Role;
            entry.Position = incoming.Position;
            entry.Phone = incoming.Phone;
            entry.Current = true;
            entry.UpdatedAt = now;
            changed.Add(entry);
        }

        // Only the units this file speaks for lose people; the link to a subscriber stays for history.
        foreach (var entry in existing.Values.Where(e => e.Current && fileUnits.Contains(e.UnitCode) && !seen.Contains(e.Key)))
        {
            entry.Current = false;
            entry.UpdatedAt = now;
            changed.Add(entry);
            retired++;
        }

        roster.SaveAll(changed);
        return new RosterImportResult(added, updated, retired, []);
    }

    private static List<(int Line, Dictionary<string, string> Fields)> ReadCsv(Stream content)
    {
        var result = new List<(int, Dictionary<string, string>)>();
        using var reader = new StreamReader(content, leaveOpen: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, MissingFieldFound = null, BadDataFound = null, DetectDelimiter = true };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader())
        {
            return result;
        }

        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        result.Add((1, header.Select((h, i) => (h, i)).ToDictionary(x => x.i.ToString(CultureInfo.InvariantCulture), x => x.h)));
        while (csv.Read())
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                fields[header[i]] = csv.TryGetField<string>(i, out var value) ? value ?? "" : "";
            }

            result.Add((csv.Parser.RawRow, fields));
        }

        return result;
    }

    private static List<(int Line, Dictionary<string, string> Fields)> ReadXlsx(Stream content)
    {
        var result = new List<(int, Dictionary<string, string>)>();
        var rows = MiniExcel.Query(content, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        if (rows.Count == 0)
        {
            return result;
        }

        // Column letters → header names from the first row; the sheet's row number is the line.
        var header = rows[0].Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => Convert.ToString(kv.Value, CultureInfo.InvariantCulture)!.Trim().ToLowerInvariant(), StringComparer.Ordinal);
        result.Add((1, header.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal)));
        for (var i = 1; i < rows.Count; i++)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (letter, name) in header)
            {
                fields[name] = rows[i].TryGetValue(letter, out var value) && value is not null ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "" : "";
            }

            result.Add((i + 1, fields));
        }

        return result;
    }

    private static string NewInviteCode() => Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();

    [GeneratedRegex(@"^\+?[0-9 .]{9,15}$")]
    private static partial Regex PhonePattern();
}

/// <summary>How a registration is tied to a roster entry.</summary>
public enum RosterLink
{
    None,
    /// <summary>Through the personal invite code: exact.</summary>
    Invite,
    /// <summary>One unlinked entry in the unit with the same name; waits for the cadre or the unit admin to confirm.</summary>
    Suggested,
}

/// <summary>Links registrations to roster entries and lists who is missing on either side.</summary>
public sealed class RosterService(RosterStore roster, SubscriberStore subscribers, AuditLog audit)
{
    /// <summary>The entry a <c>p_CODE</c> start parameter names, if any.</summary>
    public RosterEntry? FromInvite(string? startParameter)
    {
        if (string.IsNullOrWhiteSpace(startParameter) || !startParameter.StartsWith("p_", StringComparison.Ordinal))
        {
            return null;
        }

        return roster.FindByInvite(startParameter[2..].Trim().ToLowerInvariant());
    }

    /// <summary>The single unlinked entry in the subscriber's unit with the same folded name; null when none or ambiguous.</summary>
    public RosterEntry? Suggest(Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (subscriber.UnitCode is null || subscriber.FullName is null || subscriber.RosterEntryId is not null)
        {
            return null;
        }

        var name = TextFold.Fold(subscriber.FullName);
        var candidates = roster.InUnits([subscriber.UnitCode]).Where(e => e.SubscriberId is null && e.NameKey == name).Take(2).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>Ties the two together; false when the entry already belongs to someone else.</summary>
    public bool Link(long actor, Subscriber subscriber, RosterEntry entry, RosterLink how)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.SubscriberId is { } other && other != subscriber.Id)
        {
            return false;
        }

        entry.SubscriberId = subscriber.Id;
        roster.Save(entry);
        subscriber.RosterEntryId = entry.Id;
        subscribers.Save(subscriber);
        if (actor != subscriber.Id)
        {
            audit.Write(actor, "roster.link", subscriber.Id.ToString(CultureInfo.InvariantCulture), $"entry {entry.Id} ({how})");
        }

        return true;
    }

    /// <summary>Registered subscribers in the units with no roster entry.</summary>
    public IReadOnlyList<Subscriber> Unmatched(IReadOnlyCollection<string> unitCodes) =>
        subscribers.InUnits(unitCodes).Where(s => s.RosterEntryId is null).OrderBy(s => s.UnitCode, StringComparer.Ordinal).ThenBy(s => s.FullName, StringComparer.Ordinal).ToList();

    /// <summary>Roster members of the units who never registered (or whose link was erased).</summary>
    public IReadOnlyList<RosterEntry> NeverRegistered(IReadOnlyCollection<string> unitCodes) =>
        roster.InUnits(unitCodes).Where(e => e.SubscriberId is null).OrderBy(e => e.UnitCode, StringComparer.Ordinal).ThenBy(e => e.FullName, StringComparer.Ordinal).ToList();
}

/// <summary>The roster entry a subscriber was linked to is personal data: exported with /mydata, unlinked on /delete.</summary>
public sealed class RosterPersonalData(RosterStore roster) : IPersonalDataHolder
{
    public string Name => "roster";

    public object? Export(long subscriberId) => roster.ForSubscriber(subscriberId) is { } e
        ? new { e.FullName, e.UnitCode, role = e.Role.ToString(), e.Position, e.Phone }
        : null;

    public void Erase(long subscriberId, long pseudonym)
    {
        // The roster entry belongs to the unit; only the link to the person goes, so they count as never registered.
        if (roster.ForSubscriber(subscriberId) is { } entry)
        {
            entry.SubscriberId = null;
            roster.Save(entry);
        }
    }
}
