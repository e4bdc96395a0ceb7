using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Directive920Bot.Reliability.Infrastructure;

/// <summary>
/// The service's own composition over a database, built but never started (no polling, no dispatcher, no jobs): how
/// the tests seed a database before the service process runs and read its ledger after the process died. Opened only
/// while no service process holds the file (LiteDB's direct mode is one process at a time).
/// </summary>
public sealed class StoreInspector : IAsyncDisposable
{
    private readonly WebApplication app;

    private StoreInspector(WebApplication app)
    {
        this.app = app;
    }

    public static StoreInspector Open(IReadOnlyDictionary<string, string> serviceEnvironment)
    {
        ArgumentNullException.ThrowIfNull(serviceEnvironment);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = Path.GetTempPath() });
        // The same keys as the process, written as environment variables there ("__") and as configuration keys here (":").
        builder.Configuration.AddInMemoryCollection(serviceEnvironment.ToDictionary(kv => kv.Key.Replace("__", ":", StringComparison.Ordinal), kv => (string?)kv.Value));
        builder.Logging.ClearProviders();
        builder.AddDirective920Bot();
        return new StoreInspector(builder.Build());
    }

    public T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    public void ImportDemoUnits()
    {
        using var reader = new StreamReader(Path.Combine(BotHarness.RepoRoot, "content", "demo", "units.csv"));
        var result = Get<UnitImporter>().Import("units.csv", reader);
        if (!result.Ok)
        {
            throw new InvalidOperationException(string.Join('\n', result.Errors));
        }
    }

    /// <summary>Registered, active cadres with ids <paramref name="ids"/>, written in transactions of <paramref name="batch"/>.</summary>
    public void SeedCadres(IEnumerable<long> ids, string unitCode = "SNV-VP", int batch = 500)
    {
        var now = Get<BotClock>().UtcNow.UtcDateTime;
        foreach (var chunk in ids.Chunk(batch))
        {
            Get<IStorage>().Write(tx =>
            {
                foreach (var id in chunk)
                {
                    Get<ISubscribers>().Save(tx, new Subscriber
                    {
                        Id = id,
                        Language = "vi",
                        Status = SubscriberStatus.Active,
                        FullName = "Cán bộ " + id,
                        UnitCode = unitCode,
                        Role = CadreRole.Staff,
                        ConsentAt = now,
                        ConsentVersion = "reliability",
                        RegisteredAt = now,
                    });
                }
            });
        }
    }

    /// <summary>An announcement to every registered cadre, due now on the service's business clock.</summary>
    public Campaign Announce(string text) =>
        Get<CampaignService>().Create(new CampaignRequest(null, text, new AudienceRequest(All: true)), Actor.Console("reliability"));

    public IReadOnlyList<DeliveryRow> Rows(string campaignId) => Get<DeliveryLedger>().ForCampaign(campaignId);

    public CampaignProgress Progress(string campaignId) => Get<CampaignService>().Progress(campaignId);

    public int Registered() => Get<ISubscribers>().Registered().Count();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
