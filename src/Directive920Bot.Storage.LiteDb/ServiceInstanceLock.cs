using Directive920Bot.Hosting;
using Directive920Bot.Storage;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>
/// Held while the service runs: an exclusive lock file next to the database. LiteDB's direct mode does not stop a
/// second process from opening the same file, so every CLI verb that opens the database checks this lock first
/// (through <see cref="IStoreLock"/>) and refuses while the service holds it.
/// </summary>
public sealed class ServiceInstanceLock(IOptions<StorageOptions> storage) : IHostedService, IStoreLock, IDisposable
{
    public string Location => Path.GetFullPath(storage.Value.DatabasePath);

    bool IStoreLock.IsHeld() => IsHeld(storage.Value.DatabasePath);

    private FileStream? held;

    public static string PathFor(string databasePath) => Path.GetFullPath(databasePath) + ".service.lock";

    /// <summary>True when a running service holds the lock of <paramref name="databasePath"/>.</summary>
    public static bool IsHeld(string databasePath)
    {
        var path = PathFor(databasePath);
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    IDisposable IStoreLock.Hold()
    {
        var holder = new ServiceInstanceLock(storage);
        holder.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return holder;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var path = PathFor(storage.Value.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (IsHeld(storage.Value.DatabasePath))
        {
            // A second service on the same file: say so in one line (Program.cs exits with code 3, as the CLI does).
            throw new DatabaseInUseException(DatabaseInUseException.For(Location).Message, ex);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        held?.Dispose();
        held = null;
    }
}
