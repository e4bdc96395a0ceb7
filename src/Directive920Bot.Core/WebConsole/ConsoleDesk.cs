namespace Directive920Bot.WebConsole;

/// <summary>The desk pages of propaganda staff: Nội dung (content), Ý kiến (feedback) and the role forms of Người dùng.</summary>
internal static class ConsoleDesk
{
    public static RouteGroupBuilder MapConsoleDesk(this RouteGroupBuilder console)
    {
        console.MapConsoleContent();
        console.MapConsoleFeedback();
        console.MapConsoleRoles();
        return console;
    }
}
