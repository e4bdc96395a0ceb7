using System.CommandLine;
using System.Globalization;
using Directive920Bot.Hosting;

namespace Directive920Bot.Registration;

/// <summary><c>retention preview</c>: what the next retention run would delete, per kind, without deleting anything.</summary>
internal static class RetentionCli
{
    public static Command Build(CliContext cli)
    {
        var database = new Option<string?>("--database") { Description = "The data file (default: Storage:DatabasePath)" };
        var preview = new Command("preview", "Show what the next retention run would delete (nothing is deleted)") { database };
        preview.SetAction(parse => Preview(cli, parse.GetValue(database)));
        return new Command("retention", "Retention of personal data (Retention:<Kind>)") { preview };
    }

    private static int Preview(CliContext cli, string? database)
    {
        // The ledger's rows are a kind of data too (Retention:Ledger): the delivery services without their hosted parts.
        using var host = CliHost.Build(cli, database, b =>
        {
            Delivery.DeliveryExtensions.AddDeliveryCore(b.AddRegistration());
            // Erasure (which retention counts people for) revokes button keys; the channel adapter registers them in the service.
            Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<Channels.CallbackKeyStore>(b.Services);
        });
        var now = host.Services.GetRequiredService<BotClock>().UtcNow;
        foreach (var line in host.Services.GetRequiredService<RetentionService>().Preview(now))
        {
            cli.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{line.Kind,-24} keep {line.Period.TotalDays,6:0.##} days  before {line.Cutoff:yyyy-MM-dd HH:mm}Z  would delete {line.Count}"));
        }

        return 0;
    }
}
