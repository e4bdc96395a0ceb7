using System.Diagnostics;
using System.Globalization;

namespace Directive920Bot.Reliability.Infrastructure;

/// <summary>
/// A size-limited tmpfs (<c>mount -t tmpfs -o size=…</c>, as root): a disk that really fills up and that can really be
/// made read-only (root ignores file modes, so <c>chmod 0444</c> proves nothing).
/// </summary>
public sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public static TmpfsMount Create(int megabytes)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "d920-tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", string.Create(CultureInfo.InvariantCulture, $"size={megabytes}m,mode=0700"), "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            throw new InvalidOperationException($"The storage-fault tests mount a tmpfs and need root (CI runs as root): mount said {output}");
        }

        return new TmpfsMount(path);
    }

    public void ReadOnly() => Check(Run("mount", "-o", "remount,ro", Path));

    public void ReadWrite() => Check(Run("mount", "-o", "remount,rw", Path));

    /// <summary>Writes a filler file until the disk is full; returns its path (delete it to free the space).</summary>
    public string Fill()
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        var block = new byte[64 * 1024];
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
            // No space left on device: full. Smaller writes take the last pages too.
        }

        var small = new byte[512];
        try
        {
            while (true)
            {
                stream.Write(small);
            }
        }
        catch (IOException)
        {
        }

        return filler;
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Check((int Code, string Output) result)
    {
        if (result.Code != 0)
        {
            throw new InvalidOperationException(result.Output);
        }
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim());
    }
}
