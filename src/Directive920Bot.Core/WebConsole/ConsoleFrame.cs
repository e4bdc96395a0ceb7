using Directive920Bot.Admin;
using Directive920Bot.Localization;

namespace Directive920Bot.WebConsole;

/// <summary>What every console page needs besides its own model: who is signed in, the language, the form token.</summary>
/// <param name="Path">The page's path and query, for the language switch to come back to.</param>
public sealed record ConsoleFrame(string Language, long? PersonId, string? PersonName, AccessGrant Access, string AntiforgeryField, string AntiforgeryToken, string Path)
{
    public string T(Loc text) => text.For(Language);

    public string F(Loc text, params object?[] args) => text.Format(Language, args);

    public bool English => Language == Languages.English;

    public string Other => English ? Languages.Vietnamese : Languages.English;
}
