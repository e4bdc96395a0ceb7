using Directive920Bot.WebConsole;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.WebConsole;

/// <summary>
/// The web console's sections for <c>migrate-store</c>: each person's session stamp (so a session cookie signed with the
/// same keys stays valid) and the handled marks. The one-time sign-in links are skipped (see the source's reasons).
/// </summary>
internal static class WebConsoleCopy
{
    public static IEnumerable<StoreSection> Sections(ILiteDatabase lite)
    {
        yield return CopyCollections.Of<ConsoleSessionStamp>(lite, "console_sessions", LiteDbConsoleSignIns.StampsName);
        yield return CopyCollections.Of<HandledMark>(lite, "console_handled", LiteDbHandledMarks.CollectionName);
    }
}
