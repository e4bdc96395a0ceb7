using Directive920Bot.Storage;
using Directive920Bot.Storage.LiteDb;
using Directive920Bot.Storage.Postgres;

namespace Directive920Bot.Hosting;

/// <summary>
/// Storage:Provider picks the store: <c>LiteDb</c> (the default, one file, no server) or <c>Postgres</c>
/// (Storage:ConnectionString). A provider must implement every store the features use; should a new store interface be
/// added to LiteDB alone, a start on PostgreSQL stops with the list of what it lacks rather than failing later (a test
/// keeps the list empty).
/// </summary>
public static class StoreProvider
{
    public static IHostApplicationBuilder AddStoreProvider(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var provider = builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"];
        if (!string.Equals(provider, StorageOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            // An unknown name reaches the options validator, which names the key and the value.
            return builder.AddLiteDbStorage();
        }

        if (MissingOnPostgres() is { Count: > 0 } missing)
        {
            throw new InvalidOperationException(
                "Storage:Provider=Postgres lacks stores: these have no PostgreSQL implementation: " + string.Join(", ", missing) +
                ". Use Storage:Provider=LiteDb (the default) until they do.");
        }

        return builder.AddPostgresStorage();
    }

    /// <summary>The store interfaces the embedded provider registers and the PostgreSQL one does not (yet).</summary>
    public static IReadOnlyList<string> MissingOnPostgres()
    {
        var lite = StoreTypes(b => b.AddLiteDbStorage());
        var postgres = StoreTypes(b => b.AddPostgresStorage());
        return [.. lite.Except(postgres).Select(t => t.Name).Order(StringComparer.Ordinal)];
    }

    // The features' store interfaces a provider registers: interfaces of the features' assembly, nothing of the
    // framework (options, health checks) and nothing of the provider's own.
    private static HashSet<Type> StoreTypes(Action<IHostApplicationBuilder> register)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        register(builder);
        // The two ends of migrate-store are one-way by design (LiteDB is only ever copied from, PostgreSQL into): not stores.
        return [.. builder.Services.Select(d => d.ServiceType)
            .Where(t => t.IsInterface && t.Assembly == typeof(IStorage).Assembly && t != typeof(IStoreCopySource) && t != typeof(IStoreCopyTarget))];
    }
}
