using Directive920Bot.Localization;

namespace Directive920Bot.Channels;

/// <summary>A command a feature answers: its name, aliases, menu description and the role it needs.</summary>
public sealed record CommandSpec(string Name, Loc Description, CommandAccess Access = CommandAccess.Anyone, bool InMenu = true, params string[] Aliases);
