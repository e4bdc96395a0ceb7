namespace Directive920Bot.Content;

public sealed record ContentDiagnostic(string File, int Line, string Message, bool IsError)
{
    public override string ToString() => $"{File}:{Line}: {(IsError ? "error" : "warning")}: {Message}";
}
