using Directive920Bot.Localization;

namespace Directive920Bot.Channels;

/// <summary>A command a feature answers: its name, aliases, menu description and the role it needs.</summary>
/// <remarks>
/// The first alias is the Vietnamese name (/baihoc for /lessons): the Vietnamese menu and Vietnamese texts use it. Later
/// aliases are older names kept working because cadres may have learnt them (/dung, /canbo, /danhsach, /dotgui).
/// </remarks>
public sealed record CommandSpec(string Name, Loc Description, CommandAccess Access = CommandAccess.Anyone, bool InMenu = true, params string[] Aliases)
{
    /// <summary>The name a user of <paramref name="language"/> types: the Vietnamese alias for Vietnamese, else the English name.</summary>
    public string NameFor(string language) =>
        language == Languages.Vietnamese && Aliases.Length > 0 ? Aliases[0] : Name;
}
