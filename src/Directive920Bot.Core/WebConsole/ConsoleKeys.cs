using Directive920Bot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Directive920Bot.WebConsole;

/// <summary>
/// The keys that protect the console's session and anti-forgery cookies. Kept in memory (the framework's default when
/// no folder is writable, as in a container) every restart signs everyone out and breaks every open form; kept in the
/// data folder beside the database they survive restarts. The folder is the service user's only (0700, key files 0600):
/// whoever reads a key can forge a session.
/// </summary>
public static class ConsoleKeys
{
    /// <summary>The application name in the protected payloads: fixed, so moving the install folder keeps sessions.</summary>
    public const string ApplicationName = "Directive920Bot";

    /// <summary><c>Console:KeysPath</c> when set, else <c>keys/</c> beside the LiteDB file (the data folder).</summary>
    public static string Folder(ConsoleOptions console, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(storage);
        return console.KeysPath is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.DatabasePath))!, "keys");
    }

    internal static void AddConsoleKeys(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<ConsoleOptions>, IOptions<StorageOptions>, ILoggerFactory>((o, console, storage, logs) =>
            {
                var folder = Folder(console.Value, storage.Value);
                Prepare(folder);
                o.XmlRepository = new OwnerOnlyXmlRepository(new FileSystemXmlRepository(new DirectoryInfo(folder), logs), folder);
            });
    }

    /// <summary>Creates the folder owner-only, and tightens it and any key file copied in or restored with a wider mode.</summary>
    internal static void Prepare(string folder)
    {
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, OwnerOnly.DirectoryMode);
            }
        }

        OwnerOnly.Directory(folder);
        foreach (var file in Directory.EnumerateFiles(folder, "*.xml"))
        {
            OwnerOnly.File(file);
        }
    }

    /// <summary>The file repository, with each new key file made owner-only as soon as it is written.</summary>
    private sealed class OwnerOnlyXmlRepository(IXmlRepository inner, string folder) : IXmlRepository
    {
        public IReadOnlyCollection<System.Xml.Linq.XElement> GetAllElements() => inner.GetAllElements();

        public void StoreElement(System.Xml.Linq.XElement element, string friendlyName)
        {
            inner.StoreElement(element, friendlyName);
            Prepare(folder);
        }
    }
}
