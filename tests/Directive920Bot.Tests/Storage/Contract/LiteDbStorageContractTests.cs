using Directive920Bot.Hosting;
using Directive920Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>The storage contract on the embedded provider: a real LiteDB file per test, opened as the service opens it.</summary>
public sealed class LiteDbStorageContractTests : StorageContract
{
    private readonly string folder = Directory.CreateTempSubdirectory("d920-contract-").FullName;

    protected override string NewLocation() => Path.Combine(folder, Guid.NewGuid().ToString("N"), "bot.db");

    protected override IServiceProvider Open(string location)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.DatabasePath)}"] = location;
        builder.Services.AddKeyedSingleton<TimeProvider>(Directive920Bot.Hosting.Clocks.Business, BusinessClock());
        builder.AddStoreProvider();
        return builder.Build().Services;
    }

    // A kill leaves the data file and its log as they are on disk: copied while the engine still holds them, they are
    // what a restarted service would open (LiteDB replays the committed log pages).
    protected override string Crash(string location)
    {
        var copy = NewLocation();
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(location)!))
        {
            using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var target = File.Create(Path.Combine(Path.GetDirectoryName(copy)!, Path.GetFileName(file)));
            source.CopyTo(target);
        }

        return copy;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Directory.Delete(folder, recursive: true);
        }

        base.Dispose(disposing);
    }
}
