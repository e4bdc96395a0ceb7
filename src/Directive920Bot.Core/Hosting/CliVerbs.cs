using System.CommandLine;

namespace Directive920Bot.Hosting;

/// <summary>The verbs features contribute; each feature adds one line here.</summary>
internal static class CliVerbs
{
    public static IEnumerable<Command> All(CliContext cli)
    {
        yield return Registration.UnitsCli.Build(cli);
        yield return Registration.RetentionCli.Build(cli);
        yield return Delivery.CampaignCli.Build(cli);
        foreach (var verb in Reports.ReportsCli.Build(cli)) { yield return verb; }
        foreach (var verb in Storage.BackupCli.Build(cli)) { yield return verb; }
        yield return Storage.MigrateStoreCli.Build(cli);
    }
}
