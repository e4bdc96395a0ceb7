namespace Directive920Bot.Storage;

/// <summary>
/// Personal data on disk is readable by the service's own user only: files 0600, folders 0700. Applied on every start
/// and every write (not only at creation), so a file copied in, restored or created by a library with the process
/// umask is tightened again. No-op on Windows, where the folder's ACL governs.
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Sets 0600 on the file when it exists and has another mode (one stat per call, a chmod only when needed).</summary>
    public static void File(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsWindows() || !System.IO.File.Exists(path))
        {
            return;
        }

        if (System.IO.File.GetUnixFileMode(path) != FileMode)
        {
            System.IO.File.SetUnixFileMode(path, FileMode);
        }
    }

    /// <summary>Sets 0700 on the folder when it exists and has another mode.</summary>
    public static void Directory(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsWindows() || !System.IO.Directory.Exists(path))
        {
            return;
        }

        if (System.IO.File.GetUnixFileMode(path) != DirectoryMode)
        {
            System.IO.File.SetUnixFileMode(path, DirectoryMode);
        }
    }

    /// <summary>Writes a file (a CLI export) that is owner-only from its first byte.</summary>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(bytes);
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(bytes);
        }

        // An existing file keeps its old mode through FileMode.Create: tighten it too.
        File(path);
    }
}
