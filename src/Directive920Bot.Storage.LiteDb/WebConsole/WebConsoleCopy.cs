using Directive920Bot.WebConsole;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.WebConsole;

/// <summary>
/// The web console's sections for <c>migrate-store</c>: each person's session stamp (so a session cookie signed with the
/// same keys stays valid) and the handled marks, and the short-lived image links the bot served (Zalo). The one-time sign-in links are skipped (see the source's reasons).
/// </summary>
internal static class WebConsoleCopy
{
    public static IEnumerable<StoreSection> Sections(ILiteDatabase lite)
    {
        yield return CopyCollections.Of<ConsoleSessionStamp>(lite, "console_sessions", LiteDbConsoleSignIns.StampsName);
        yield return CopyCollections.Of<HandledMark>(lite, "console_handled", LiteDbHandledMarks.CollectionName);
        // Image links sent on Zalo in the last hours (Media:LinkLifetime) keep working after the move.
        yield return CopyCollections.Of<Directive920Bot.Media.MediaLink>(lite, "media_links", Media.LiteDbMediaLinks.Name);
    }
}
