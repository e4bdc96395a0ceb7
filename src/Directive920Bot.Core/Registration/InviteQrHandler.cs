using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Localization;

namespace Directive920Bot.Registration;

/// <summary>
/// <c>/maqr [unit]</c>: a unit admin (or a bloc admin, naming the unit) gets the unit's invite link as a PNG QR code to
/// print for a meeting; a cadre who scans it starts the bot with the unit already chosen (<c>start=u_CODE</c>). The scope
/// is checked here, on the server: a unit admin gets only units they administer.
/// </summary>
public sealed class InviteQrHandler(IUnits units, IInviteLinks links) : ICommandHandler
{
    private static readonly Loc Caption = new(
        "Mã QR mời cán bộ <b>{0}</b> đăng ký nhận nội dung quán triệt Thông báo 920-TB/TU. In mã này để cán bộ quét tại cuộc họp, hoặc gửi liên kết: {1}",
        "QR code inviting the cadres of <b>{0}</b> to register for the Notice 920-TB/TU course. Print it for cadres to scan at a meeting, or send the link: {1}");

    private static readonly Loc NameTheUnit = new(
        "Đồng chí ghi mã đơn vị sau lệnh, ví dụ <code>/maqr {0}</code>. Danh sách mã đơn vị: {1}",
        "Name the unit after the command, e.g. <code>/inviteqr {0}</code>. Unit codes: {1}");

    private static readonly Loc NotYours = new(
        "Đồng chí chỉ lấy được mã QR của đơn vị mình quản trị ({0}). Đề nghị liên hệ quản trị viên Khối nếu cần mã của đơn vị khác.",
        "You can only get the QR code of the units you administer ({0}). Please ask a bloc administrator for another unit's code.");

    private static readonly Loc NoLink = new(
        "Bot chưa lấy được tên của mình từ Telegram nên chưa tạo được liên kết mời. Đồng chí vui lòng thử lại sau ít phút.",
        "The bot could not get its name from Telegram yet, so it cannot make the invite link. Please try again in a few minutes.");

    public IReadOnlyList<CommandSpec> Commands { get; } =
    [
        new("inviteqr", new("Mã QR mời cán bộ đơn vị đăng ký", "QR code inviting a unit's cadres"), CommandAccess.UnitAdmin, true, "maqr"),
    ];

    public async Task HandleAsync(BotContext context, CommandSpec command, string arguments, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var visible = context.Access.VisibleUnits(units);
        var own = context.Access.IsBlocAdmin ? [] : context.Access.Units.Where(visible.Contains).ToList();
        var code = arguments.Trim().ToUpperInvariant();
        if (code.Length == 0)
        {
            // A unit admin of one unit needs no argument; anyone else names the unit.
            if (own.Count != 1)
            {
                var sample = (own.Count > 0 ? own : visible).Take(8).ToList();
                await context.ReplyAsync(NameTheUnit.Format(context.Language, sample.FirstOrDefault() ?? "SNV", string.Join(", ", sample)), ct);
                return;
            }

            code = own[0];
        }

        if (!context.Access.Covers(units, code) || units.Find(code) is not { } unit)
        {
            await context.ReplyAsync(NotYours.Format(context.Language, string.Join(", ", own.Count > 0 ? own : visible.Take(8))), ct);
            return;
        }

        if (await links.LinkAsync("u_" + unit.InviteCode, ct) is not { } link)
        {
            await context.ReplyAsync(context.T(NoLink), ct);
            return;
        }

        var caption = Caption.Format(context.Language, TelegramHtml.Escape(units.DisplayName(unit.Code)), TelegramHtml.Escape(link.AbsoluteUri));
        await context.Sender.TrySendPhotoAsync(context.PersonId, new OutboundFile($"ma-qr-{unit.Code}.png", InviteQrCode.Png(link), caption), SendPriority.Interactive, ct);
    }
}
