using System.Runtime.CompilerServices;
using Directive920Bot.Content;

namespace Directive920Bot.Tests.Content;

/// <summary>Paths to fixtures and golden files, and throw-away copies of fixture content folders.</summary>
internal static class ContentTestFiles
{
    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Content", "Fixtures");

    public static string Golden => Path.Combine(AppContext.BaseDirectory, "Content", "Golden");

    /// <summary>The source folder of the golden files, for regenerating them (UPDATE_GOLDEN=1).</summary>
    public static string GoldenSource([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "Golden");

    /// <summary>The repository's shipped content folder, found by walking up from the test binaries.</summary>
    public static string ShippedContent()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (File.Exists(Path.Combine(candidate, "curriculum.yaml")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No content/curriculum.yaml above {AppContext.BaseDirectory}");
    }
}

/// <summary>
/// A temporary copy of the valid fixture with an error case laid over it: each case folder holds
/// only the files that differ from Fixtures/valid, so every case shows exactly one mistake.
/// </summary>
internal sealed class TempContent : IDisposable
{
    public TempContent(string? errorCase = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "d920-content-" + Guid.NewGuid().ToString("N"));
        CopyInto(Path.Combine(ContentTestFiles.Fixtures, "valid"), Root);
        if (errorCase is not null)
        {
            var overlay = Path.Combine(ContentTestFiles.Fixtures, errorCase);
            Assert.True(Directory.Exists(overlay), $"fixture case '{errorCase}' is missing");
            CopyInto(overlay, Root);
        }
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public ContentLoadResult Load() => ContentLoader.Load(Root);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a watcher may still hold the folder for a moment; the OS cleans temp.
        }
    }

    private static void CopyInto(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
