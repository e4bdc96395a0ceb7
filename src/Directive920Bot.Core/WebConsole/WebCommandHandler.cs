using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Localization;

namespace Directive920Bot.WebConsole;

/// <summary><c>/web</c>: a one-time sign-in link to the web console for unit and bloc admins; <c>/web logout</c> ends every session.</summary>
public sealed class WebCommandHandler(ConsoleSignInService signIns, ConsoleLinks links, Hosting.BotClock clock) : ICommandHandler
{
    internal static readonly Loc LinkText = new(
        "🔐 Liên kết đăng nhập bảng điều khiển web của đồng chí:\n{0}\n\nLiên kết chỉ dùng được một lần, hết hạn lúc {1} và chỉ dành cho đồng chí: không chuyển cho người khác. Mở liên kết trên máy tính, bấm “Đăng nhập”. Gõ /web logout để đăng xuất mọi phiên.",
        "🔐 Your sign-in link to the web console:\n{0}\n\nIt works once, expires at {1} and is for you only: do not forward it. Open it on your computer and press “Sign in”. Type /web logout to end every session.");

    internal static readonly Loc LoggedOut = new(
        "Đã đăng xuất mọi phiên của đồng chí trên bảng điều khiển web. Gõ /web khi cần đăng nhập lại.",
        "Every web console session of yours has ended. Type /web to sign in again.");

    internal static readonly Loc Usage = new(
        "Gõ /web để nhận liên kết đăng nhập bảng điều khiển web, hoặc /web logout để đăng xuất mọi phiên.",
        "Type /web for a sign-in link to the web console, or /web logout to end every session.");

    public IReadOnlyList<CommandSpec> Commands { get; } =
    [
        new("web", new("Đăng nhập bảng điều khiển web", "Sign in to the web console"), CommandAccess.UnitAdmin, false),
    ];

    public async Task HandleAsync(BotContext context, CommandSpec command, string arguments, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (arguments.Trim().ToLowerInvariant())
        {
            case "":
                var (token, expiresAt) = await signIns.IssueAsync(context.PersonId);
                var local = Dates.At(clock.ToLocal(expiresAt), context.Language);
                await context.ReplyAsync(LinkText.Format(context.Language, TelegramHtml.Escape(links.SignIn(token)), local), ct);
                break;
            case "logout" or "dangxuat":
                await signIns.EndSessionsAsync(context.PersonId, "bot /web logout");
                await context.ReplyAsync(LoggedOut, ct);
                break;
            default:
                await context.ReplyAsync(Usage, ct);
                break;
        }
    }
}
