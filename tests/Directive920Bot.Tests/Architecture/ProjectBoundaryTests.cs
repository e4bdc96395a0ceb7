using System.Reflection;
using System.Xml.Linq;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Architecture;

/// <summary>
/// The seams, enforced by the compiler: LiteDB is referenced by the LiteDB provider alone, Npgsql and Dapper by the
/// PostgreSQL provider alone, and Telegram.Bot by the
/// Telegram adapter alone (the emulator speaks the Bot API on the wire and references neither), and neither flows on to
/// the projects that reference them. The features (Directive920Bot.Core) therefore cannot name a LiteDB or Telegram
/// type at all; a second store (PostgreSQL) or channel (Zalo) is a second project beside them, not a change to them.
/// Two checks: what each project declares, and what each built assembly actually references.
/// </summary>
public sealed class ProjectBoundaryTests
{
    private static readonly string Src = Path.Combine(BotHarness.RepoRoot, "src");

    /// <summary>Each third-party library that a seam confines, and the one project allowed to reference it.</summary>
    public static TheoryData<string, string> Confined => new()
    {
        { "LiteDB", "Directive920Bot.Storage.LiteDb" },
        { "Npgsql", "Directive920Bot.Storage.Postgres" },
        { "Dapper", "Directive920Bot.Storage.Postgres" },
        { "Telegram.Bot", "Directive920Bot.Telegram" },
    };

    [Theory]
    [MemberData(nameof(Confined))]
    public void Only_its_own_project_declares_a_reference_to_the_library(string package, string owner)
    {
        var declaring = Projects()
            .Where(p => PackageReferences(p.Document).Any(r => r.Include == package))
            .Select(p => p.Name)
            .ToList();

        Assert.Equal([owner], declaring);
    }

    [Theory]
    [MemberData(nameof(Confined))]
    public void The_library_does_not_flow_on_to_the_projects_that_reference_its_owner(string package, string owner)
    {
        var reference = PackageReferences(Projects().Single(p => p.Name == owner).Document).Single(r => r.Include == package);

        // "compile" kept private: a project that references the owner gets the library's runtime files, not its types.
        Assert.Contains("compile", (reference.PrivateAssets ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [MemberData(nameof(Confined))]
    public void No_other_built_assembly_of_the_service_references_the_library(string package, string owner)
    {
        var referencing = ServiceAssemblies()
            .Where(a => a.GetReferencedAssemblies().Any(r => r.Name == package))
            .Select(a => a.GetName().Name)
            .ToList();

        Assert.Equal([owner], referencing);
    }

    [Fact]
    public void The_features_reference_neither_the_host_nor_the_provider_nor_the_adapter()
    {
        var core = typeof(Directive920Bot.Storage.IStorage).Assembly;

        Assert.Equal("Directive920Bot.Core", core.GetName().Name);
        Assert.DoesNotContain(core.GetReferencedAssemblies(), r => r.Name is "Directive920Bot.Storage.LiteDb" or "Directive920Bot.Storage.Postgres" or "Directive920Bot.Telegram" or "Directive920Bot" or "Directive920Bot.Emulator");
    }

    [Fact]
    public void The_checks_read_the_real_projects()
    {
        // Without this, a wrong root would make the checks above pass on nothing.
        var names = Projects().Select(p => p.Name).ToList();
        Assert.Contains("Directive920Bot", names);
        Assert.Contains("Directive920Bot.Core", names);
        Assert.Contains("Directive920Bot.Storage.LiteDb", names);
        Assert.Contains("Directive920Bot.Storage.Postgres", names);
        Assert.Contains("Directive920Bot.Telegram", names);
        Assert.Equal(5, ServiceAssemblies().Select(a => a.GetName().Name).Distinct().Count());
    }

    private static List<(string Name, XDocument Document)> Projects() =>
        [.. Directory.EnumerateFiles(Src, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => (Path.GetFileNameWithoutExtension(path), XDocument.Load(path)))];

    private static IEnumerable<(string Include, string? PrivateAssets)> PackageReferences(XDocument project) =>
        project.Descendants("PackageReference").Select(r => ((string?)r.Attribute("Include") ?? "", (string?)r.Attribute("PrivateAssets") ?? (string?)r.Element("PrivateAssets")));

    /// <summary>The service's own assemblies as built for this test run: the host, the features, the provider, the adapter.</summary>
    private static List<Assembly> ServiceAssemblies() =>
    [
        typeof(Directive920Bot.Hosting.AppComposition).Assembly,
        typeof(Directive920Bot.Storage.IStorage).Assembly,
        typeof(Directive920Bot.Storage.LiteDb.LiteDbStorageExtensions).Assembly,
        typeof(Directive920Bot.Storage.Postgres.PostgresStorageExtensions).Assembly,
        typeof(Directive920Bot.Telegram.TelegramExtensions).Assembly,
    ];
}
