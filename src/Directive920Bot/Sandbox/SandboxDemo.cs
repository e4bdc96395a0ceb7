using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Sandbox;

/// <summary>
/// The demo people of the sandbox: a few cadres named from <c>content/demo/roster.csv</c> (not registered, so the
/// newcomer goes through registration), a unit admin and a bloc admin (registered and granted, sandbox only), and any
/// cadre the newcomer created.
/// </summary>
public sealed class SandboxDemo(
    SandboxEmulator sandbox,
    ContentService content,
    UnitImporter importer,
    IUnits units,
    ISubscribers subscribers,
    IRoles roles,
    RosterImporter rosterImporter,
    BotClock clock,
    IStorage storage,
    ConsentText consent,
    ILogger<SandboxDemo> logger)
{
    public const long UnitAdminId = 9001;
    public const long BlocAdminId = 9002;
    public const string CadreUnit = "SNV-VP";
    public const string AdminUnit = "SNV";
    public const string BlocUnit = "KHOI";
    private const long FirstCadreId = 1001;
    private const long FirstCreatedId = 2001;

    private readonly Lock gate = new();
    private readonly List<SandboxPerson> people = [];

    public IReadOnlyList<SandboxPerson> People
    {
        get
        {
            lock (gate)
            {
                return [.. people];
            }
        }
    }

    public SandboxPerson? Find(long id) => People.FirstOrDefault(p => p.Id == id);

    public SandboxPerson UnitAdmin => Find(UnitAdminId)!;

    public SandboxPerson BlocAdmin => Find(BlocAdminId)!;

    /// <summary>Imports the demo organisation and adds the demo people to the emulator and, for the admins, to the database.</summary>
    public void Seed()
    {
        var demo = Path.Combine(content.RootPath, "demo");
        using (var reader = new StreamReader(Path.Combine(demo, "units.csv")))
        {
            var result = importer.Import("demo/units.csv", reader);
            if (!result.Ok)
            {
                throw new InvalidOperationException("The demo organisation did not import: " + string.Join("; ", result.Errors));
            }
        }

        // The demo roster: reports count registered against it, and registration links cadres to it by name.
        using (var rosterFile = File.OpenRead(Path.Combine(demo, "roster.csv")))
        {
            var imported = rosterImporter.Import("demo/roster.csv", rosterFile);
            if (!imported.Ok)
            {
                throw new InvalidOperationException("The demo roster did not import: " + string.Join("; ", imported.Errors));
            }
        }

        var roster = ReadRoster(Path.Combine(demo, "roster.csv"));
        // Staff first: the first demo cadre is an ordinary member, the common case.
        var cadres = roster.Where(r => r.Unit == CadreUnit).OrderBy(r => r.Leader).Take(3).ToList();
        var unitAdmin = roster.FirstOrDefault(r => r.Unit == AdminUnit && r.Leader) ?? new RosterLine("Phạm Quốc Dũng", AdminUnit, true, "Giám đốc Sở");
        var blocAdmin = roster.FirstOrDefault(r => r.Unit == BlocUnit && r.Leader) ?? new RosterLine("Nguyễn Văn An", BlocUnit, true, "Chánh Văn phòng");

        lock (gate)
        {
            people.Clear();
            for (var i = 0; i < cadres.Count; i++)
            {
                people.Add(new SandboxPerson(FirstCadreId + i, cadres[i].Name, SandboxPersona.Cadre, cadres[i].Unit, cadres[i].Position));
            }

            people.Add(new SandboxPerson(UnitAdminId, unitAdmin.Name, SandboxPersona.UnitAdmin, AdminUnit, unitAdmin.Position));
            people.Add(new SandboxPerson(BlocAdminId, blocAdmin.Name, SandboxPersona.BlocAdmin, BlocUnit, blocAdmin.Position));

            // Cadres the newcomer created in an earlier run of a reused sandbox.
            foreach (var s in subscribers.Registered().Where(s => s.Id >= FirstCreatedId && s.Id < UnitAdminId).OrderBy(s => s.Id))
            {
                people.Add(new SandboxPerson(s.Id, s.FullName ?? "Cán bộ", SandboxPersona.Cadre, s.UnitCode, null));
            }
        }

        foreach (var person in People)
        {
            AddToEmulator(person);
        }

        EnsureAdmin(UnitAdmin, AdminRole.UnitAdmin, AdminUnit);
        EnsureAdmin(BlocAdmin, AdminRole.BlocAdmin, null);
        logger.LogInformation("Sandbox: {Units} demo units, {People} demo people", units.Count(), People.Count);
    }

    /// <summary>A new cadre for the newcomer to register (the "create one" button).</summary>
    public SandboxPerson Create(string? fullName)
    {
        var name = string.IsNullOrWhiteSpace(fullName) ? "Cán bộ Mới" : fullName.Trim();
        if (name.Length > 64)
        {
            name = name[..64];
        }

        SandboxPerson person;
        lock (gate)
        {
            var known = people.Select(p => p.Id).Concat(sandbox.Emulator.Users.Select(u => u.Id)).ToHashSet();
            var id = FirstCreatedId;
            while (known.Contains(id))
            {
                id++;
            }

            person = new SandboxPerson(id, name, SandboxPersona.Cadre, null, null);
            people.Add(person);
        }

        AddToEmulator(person);
        return person;
    }

    private void AddToEmulator(SandboxPerson person)
    {
        // Telegram profiles carry the given name as first name and the family and middle names as last name.
        var parts = person.FullName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = parts.Length > 0 ? parts[^1] : person.FullName;
        var last = parts.Length > 1 ? string.Join(' ', parts[..^1]) : null;
        sandbox.Emulator.AddUser(person.Id, first, last, languageCode: "vi");
    }

    private void EnsureAdmin(SandboxPerson person, AdminRole role, string? unitCode)
    {
        if (subscribers.Find(person.Id) is not { IsRegistered: true })
        {
            var now = clock.UtcNow.UtcDateTime;
            var subscriber = new Subscriber
            {
                Id = person.Id,
                Language = "vi",
                Status = SubscriberStatus.Active,
                FullName = person.FullName,
                UnitCode = person.UnitCode,
                Role = CadreRole.Leader,
                ConsentAt = now,
                ConsentVersion = consent.Version,
                RegisteredAt = now,
                UpdatedAt = now,
            };
            storage.Write(tx => subscribers.Save(tx, subscriber));
        }

        if (!roles.For(person.Id).Any(r => r.Role == role && r.UnitCode == unitCode))
        {
            var assignment = new RoleAssignment { UserId = person.Id, Role = role, UnitCode = unitCode, GrantedBy = 0, GrantedAt = clock.UtcNow.UtcDateTime };
            storage.Write(tx => roles.Add(tx, assignment));
        }
    }

    private sealed record RosterLine(string Name, string Unit, bool Leader, string? Position);

    private static List<RosterLine> ReadRoster(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        // The demo roster is simple comma-separated text without quoting (full_name,unit_code,role,position,phone).
        return File.ReadLines(path).Skip(1)
            .Select(l => l.Split(','))
            .Where(f => f.Length >= 3 && f[0].Length > 0)
            .Select(f => new RosterLine(f[0].Trim(), f[1].Trim(), f[2].Trim().Equals("leader", StringComparison.OrdinalIgnoreCase), f.Length > 3 ? f[3].Trim() : null))
            .ToList();
    }
}
