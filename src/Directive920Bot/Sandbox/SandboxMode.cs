namespace Directive920Bot.Sandbox;

/// <summary>Present in the container only in sandbox mode.</summary>
public sealed record SandboxMode(string DatabasePath);
