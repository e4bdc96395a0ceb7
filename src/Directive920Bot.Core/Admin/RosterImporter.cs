using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Directive920Bot.Localization;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using MiniExcelLibs;

namespace Directive920Bot.Admin;

/// <summary>
/// Imports a unit's member roster from CSV or XLSX (<c>full_name,unit_code,role,position,phone</c>). Every bad row is
/// reported as <c>file:line: message</c> and a file with any error imports nothing. A re-import updates people it
/// recognises (same unit, name and phone), keeps their invite codes and links, and retires people no longer listed.
/// </summary>
public sealed partial class RosterImporter(IRoster roster, IUnits units, IStorage storage, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time)
{
    public static readonly string[] Columns = ["full_name", "unit_code", "role", "position", "phone", "dang_vien"];
    private static readonly string[] Required = ["full_name", "unit_code", "role"];

    /// <param name="allowedUnits">The units the importer may write (an admin's scope); null for the console and bloc admins.</param>
    /// <param name="language">The language of the refusals: the admin's ("vi" by default).</param>
    /// <param name="preview">Check the file and count what it would add, update and retire, writing nothing (the web console shows this before the admin confirms).</param>
    public RosterImportResult Import(string fileLabel, Stream content, IReadOnlyCollection<string>? allowedUnits = null, string language = Languages.Vietnamese, bool preview = false)
    {
        ArgumentNullException.ThrowIfNull(content);
        var isXlsx = fileLabel.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        // Bytes, then the archive, then rows and columns while streaming: nothing is parsed whole before it is measured.
        using var buffer = UploadLimits.ReadCapped(content);
        if (buffer is null)
        {
            return Refused(fileLabel, 1, RosterImportTexts.TooLarge.Format(language, UploadLimits.MaxBytes / (1024 * 1024)));
        }

        var position = new ReadPosition(language);
        List<(int Line, Dictionary<string, string> Fields)> rows;
        try
        {
            if (isXlsx && UploadLimits.CheckXlsx(buffer, language) is { } refused)
            {
                return Refused(fileLabel, 1, refused);
            }

            rows = isXlsx ? ReadXlsx(buffer, position) : ReadCsv(buffer, position);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // Whatever the parser throws (a broken archive, bad XML, a CSV quirk) is the file's fault: told, nothing written.
            var message = ex is InvalidDataException && position.Refusal is { } reason
                ? reason
                : RosterImportTexts.Unreadable.Format(language, isXlsx ? "XLSX" : "CSV", ex.Message);
            return Refused(fileLabel, position.Line, message);
        }

        return Apply(fileLabel, rows, allowedUnits, language, preview);
    }

    private static RosterImportResult Refused(string fileLabel, int line, string message) =>
        new(0, 0, 0, [string.Create(CultureInfo.InvariantCulture, $"{fileLabel}:{Math.Max(1, line)}: {message}")]);

    /// <summary>Where the reader is (for the line of an error) and why it stopped, when it refused the file itself.</summary>
    private sealed class ReadPosition(string language)
    {
        public string Language { get; } = language;

        public int Line { get; set; } = 1;

        public string? Refusal { get; private set; }

        public InvalidDataException Refuse(string reason)
        {
            Refusal = reason;
            return new InvalidDataException(reason);
        }
    }

    private RosterImportResult Apply(string fileLabel, List<(int Line, Dictionary<string, string> Fields)> rows, IReadOnlyCollection<string>? allowedUnits, string language, bool preview)
    {
        string At(int line, Loc text, params object?[] args) => string.Create(CultureInfo.InvariantCulture, $"{fileLabel}:{line}: ") + text.Format(language, args);

        var errors = new List<string>();
        if (rows.Count == 0 || rows[0].Line != 1)
        {
            return new RosterImportResult(0, 0, 0, [At(1, RosterImportTexts.Empty, string.Join(',', Columns))]);
        }

        var header = rows[0].Fields.Values.Select(h => h.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in Required.Where(c => !header.Contains(c)))
        {
            errors.Add(At(1, RosterImportTexts.MissingColumn, missing, string.Join(',', Columns)));
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
            var partyText = Get("dang_vien");
            if (name.Length == 0 && unitCode.Length == 0 && roleText.Length == 0 && position.Length == 0 && phone.Length == 0 && partyText.Length == 0)
            {
                continue;
            }

            var normalized = RegistrationHandler.NormalizeName(name);
            if (normalized is null)
            {
                errors.Add(At(line, RosterImportTexts.BadName, name));
            }

            if (units.Find(unitCode) is null)
            {
                errors.Add(At(line, RosterImportTexts.UnknownUnit, unitCode));
            }
            else if (allowedUnits is not null && !allowedUnits.Contains(unitCode))
            {
                errors.Add(At(line, RosterImportTexts.OutOfScope, unitCode));
            }

            CadreRole? role = TextFold.Fold(roleText) switch
            {
                "leader" or "lanh dao" => CadreRole.Leader,
                "staff" or "can bo" or "cbccvc" => CadreRole.Staff,
                _ => null,
            };
            if (role is null)
            {
                errors.Add(At(line, RosterImportTexts.BadRole, roleText));
            }

            var digits = new string(phone.Where(char.IsDigit).ToArray());
            if (phone.Length > 0 && !PhonePattern().IsMatch(phone))
            {
                errors.Add(At(line, RosterImportTexts.BadPhone, phone));
            }

            if (position.Length > 120 || position.Any(char.IsControl))
            {
                errors.Add(At(line, RosterImportTexts.BadPosition));
            }

            var partyMember = ParsePartyMember(partyText);
            if (partyMember is null)
            {
                errors.Add(At(line, RosterImportTexts.BadPartyMember, partyText));
            }

            if (normalized is null || role is null || partyMember is null)
            {
                continue;
            }

            var folded = TextFold.Fold(normalized);
            var key = $"{unitCode}|{folded}|{digits}";
            if (!firstLine.TryAdd(key, line))
            {
                errors.Add(At(line, RosterImportTexts.Duplicate, name, unitCode, firstLine[key]));
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
                PartyMember = partyMember.Value,
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
            entry.PartyMember = incoming.PartyMember;
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

        if (!preview)
        {
            storage.Write(tx => roster.SaveAll(tx, changed));
        }

        return new RosterImportResult(added, updated, retired, []);
    }

    /// <summary>The optional dang_vien column as units fill it in by hand: x/có/1/true/yes, or empty/không/0/false/no.</summary>
    public static bool? ParsePartyMember(string text) => TextFold.Fold(text.Trim()) switch
    {
        "" or "0" or "khong" or "k" or "false" or "no" or "n" or "-" => false,
        "x" or "co" or "c" or "1" or "true" or "yes" or "y" or "dang vien" => true,
        _ => null,
    };

    private static List<(int Line, Dictionary<string, string> Fields)> ReadCsv(Stream content, ReadPosition position)
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
        if (header.Length > UploadLimits.MaxColumns)
        {
            throw position.Refuse(RosterImportTexts.HeaderTooWide.Format(position.Language, header.Length, UploadLimits.MaxColumns));
        }

        result.Add((1, header.Select((h, i) => (h, i)).ToDictionary(x => x.i.ToString(CultureInfo.InvariantCulture), x => x.h)));
        while (csv.Read())
        {
            position.Line = csv.Parser.RawRow;
            if (result.Count > UploadLimits.MaxRows)
            {
                throw position.Refuse(RosterImportTexts.TooManyRows.Format(position.Language, UploadLimits.MaxRows));
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                fields[header[i]] = csv.TryGetField<string>(i, out var value) ? value ?? "" : "";
            }

            result.Add((csv.Parser.RawRow, fields));
        }

        return result;
    }

    private static List<(int Line, Dictionary<string, string> Fields)> ReadXlsx(Stream content, ReadPosition position)
    {
        var result = new List<(int, Dictionary<string, string>)>();
        Dictionary<string, string>? header = null;
        var line = 0;
        // Streamed row by row (no ToList): the caps apply before a hostile sheet is held in memory.
        foreach (var row in MiniExcel.Query(content, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>())
        {
            position.Line = ++line;
            if (row.Count > UploadLimits.MaxColumns)
            {
                throw position.Refuse(RosterImportTexts.RowTooWide.Format(position.Language, row.Count, UploadLimits.MaxColumns));
            }

            if (line > UploadLimits.MaxRows + 1)
            {
                throw position.Refuse(RosterImportTexts.TooManyRows.Format(position.Language, UploadLimits.MaxRows));
            }

            if (header is null)
            {
                // Column letters → header names from the first row; the sheet's row number is the line.
                header = row.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => Convert.ToString(kv.Value, CultureInfo.InvariantCulture)!.Trim().ToLowerInvariant(), StringComparer.Ordinal);
                result.Add((1, header.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal)));
                continue;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (letter, name) in header)
            {
                fields[name] = row.TryGetValue(letter, out var value) && value is not null ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "" : "";
            }

            result.Add((line, fields));
        }

        return result;
    }

    private static string NewInviteCode() => Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();

    [GeneratedRegex(@"^\+?[0-9 .]{9,15}$")]
    private static partial Regex PhonePattern();
}
