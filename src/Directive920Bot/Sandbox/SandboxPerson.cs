namespace Directive920Bot.Sandbox;

/// <summary>One emulated Telegram user of the sandbox.</summary>
public sealed record SandboxPerson(long Id, string FullName, SandboxPersona Persona, string? UnitCode, string? Position);
