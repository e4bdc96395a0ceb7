namespace Directive920Bot.Registration;

public sealed record ImportResult(int Added, int Updated, IReadOnlyList<string> Errors)
{
    public bool Ok => Errors.Count == 0;
}
