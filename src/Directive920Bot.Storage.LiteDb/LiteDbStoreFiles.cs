using Directive920Bot.Storage;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>Store files that are not open: inspecting a backup, putting one in place, copying before a migration.</summary>
internal sealed class LiteDbStoreFiles : IStoreFiles
{
    public StoreSnapshot Inspect(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: no such file");
        }

        try
        {
            using var lite = new LiteDatabase(new ConnectionString { Filename = path, ReadOnly = true });
            if (!lite.CollectionExists("_meta") || lite.GetCollection("_meta").FindById("schema") is null)
            {
                throw new InvalidDataException($"{path}: a LiteDB file, but not a Directive920Bot store (no schema version)");
            }

            return new StoreSnapshot(Migrations.ReadVersion(lite), Migrations.CurrentVersion, CountsOf(lite));
        }
        catch (LiteException ex)
        {
            throw new InvalidDataException($"{path}: not a readable LiteDB file ({ex.Message})", ex);
        }
    }

    public string? Replace(string databasePath, string source, string stamp)
    {
        var target = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        string? kept = null;
        if (File.Exists(target))
        {
            // The replaced store is kept beside it, never deleted: a restore can be undone by hand.
            kept = $"{target}.replaced-{stamp}";
            File.Move(target, kept);
            if (File.Exists(LogOf(target)))
            {
                File.Move(LogOf(target), LogOf(kept));
            }
        }

        File.Copy(source, target);
        Restrict(target);
        return kept;
    }

    /// <summary>Before a migration: the file as it is (and its log), mode 0600; returns the copy's path.</summary>
    public static string CopyBeforeMigration(string path, int version)
    {
        var copy = $"{path}.v{version}.bak";
        File.Copy(path, copy, overwrite: true);
        Restrict(copy);
        if (File.Exists(LogOf(path)))
        {
            File.Copy(LogOf(path), LogOf(copy), overwrite: true);
            Restrict(LogOf(copy));
        }

        return copy;
    }

    /// <summary>The schema version of a store file, read without changing it (0 for a new or foreign file).</summary>
    public static int PeekVersion(string path)
    {
        using var lite = new LiteDatabase(new ConnectionString { Filename = path, ReadOnly = true });
        return Migrations.ReadVersion(lite);
    }

    public static IReadOnlyDictionary<string, long> CountsOf(ILiteDatabase lite) =>
        lite.GetCollectionNames().Order(StringComparer.Ordinal).ToDictionary(n => n, n => (long)lite.GetCollection(n).Count(), StringComparer.Ordinal);

    internal static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    internal static void Delete(string path)
    {
        File.Delete(path);
        File.Delete(LogOf(path));
    }

    /// <summary>LiteDB 5 keeps its write-ahead log beside the file: name-log.ext.</summary>
    private static string LogOf(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));
}
