namespace Directive920Bot.Admin;

public sealed record RosterImportResult(int Added, int Updated, int Retired, IReadOnlyList<string> Errors)
{
    public bool Ok => Errors.Count == 0;
}
