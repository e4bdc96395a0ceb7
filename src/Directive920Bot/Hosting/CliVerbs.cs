using System.CommandLine;

namespace Directive920Bot.Hosting;

/// <summary>The verbs features contribute; each feature adds one line here.</summary>
internal static class CliVerbs
{
    public static IEnumerable<Command> All(TextWriter output)
    {
        yield return Registration.UnitsCli.Build(output);
        yield return Delivery.CampaignCli.Build(output);
        foreach (var verb in Reports.ReportsCli.Build(output)) { yield return verb; }
    }
}
