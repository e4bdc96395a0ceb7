using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;

namespace Directive920Bot.Sandbox;

/// <summary>One emulated Telegram user of the sandbox.</summary>
public sealed record SandboxPerson(long Id, string FullName, SandboxPersona Persona, string? UnitCode, string? Position);
