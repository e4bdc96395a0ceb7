using System.Globalization;
using Directive920Bot.Channels;
using Directive920Bot.Hosting;
using Directive920Bot.Localization;

namespace Directive920Bot.Registration;

/// <summary>
/// /retention (/luutru), bloc admins only (the router answers anyone else as for an unknown command): what the next
/// retention run would delete, per kind of data, with its period and cutoff. Nothing is deleted.
/// </summary>
public sealed class RetentionHandler(RetentionService retention, BotClock clock) : ICommandHandler
{
    private static readonly Loc Header = new(
        "<b>Lưu trữ dữ liệu cá nhân: lần chạy tới sẽ xóa</b> (chưa xóa gì)",
        "<b>Personal data retention: the next run would delete</b> (nothing deleted yet)");

    private static readonly Loc Line = new("• {0}: {1} (giữ {2} ngày, trước {3})", "• {0}: {1} (kept {2} days, before {3})");

    private static readonly Loc Footer = new(
        "Thời hạn lấy từ cấu hình Retention:*; nội dung đồng ý nêu đúng các thời hạn này. Số liệu tổng hợp của báo cáo không thay đổi khi xóa.",
        "Periods come from the Retention:* configuration; the consent text states them. The reports' counts do not change when records are deleted.");

    private static readonly Dictionary<RetentionKind, Loc> Names = new()
    {
        [RetentionKind.AbandonedRegistrations] = new("Đăng ký bỏ dở (người)", "Abandoned registrations (people)"),
        [RetentionKind.StoppedSubscribers] = new("Đã ngừng nhận tin (người)", "Stopped subscribers (people)"),
        [RetentionKind.BlockedSubscribers] = new("Đã chặn bot (người)", "Blocked subscribers (people)"),
        [RetentionKind.Feedback] = new("Góp ý", "Feedback"),
        [RetentionKind.Audit] = new("Nhật ký quản trị", "Audit entries"),
        [RetentionKind.CallbackKeys] = new("Mã nút bấm", "Button keys"),
        [RetentionKind.Ledger] = new("Nhật ký tin đã gửi", "Delivery ledger rows"),
        [RetentionKind.Acknowledgements] = new("Xác nhận đã đọc", "Acknowledgements"),
        [RetentionKind.Answers] = new("Câu trả lời trắc nghiệm", "Quiz answers"),
        [RetentionKind.RetiredRosterEntries] = new("Dòng danh sách đã thôi dùng", "Retired roster entries"),
    };

    public IReadOnlyList<CommandSpec> Commands { get; } =
    [
        new("retention", new("Dữ liệu sắp hết hạn lưu trữ", "What retention deletes next"), CommandAccess.BlocAdmin, true, "luutru"),
    ];

    public async Task HandleAsync(BotContext context, CommandSpec command, string arguments, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lines = new List<string> { context.T(Header), "" };
        foreach (var line in retention.Preview(clock.UtcNow))
        {
            lines.Add(Line.Format(context.Language,
                context.T(Names[line.Kind]),
                line.Count.ToString(CultureInfo.InvariantCulture),
                line.Period.TotalDays.ToString("0.##", CultureInfo.InvariantCulture),
                clock.ToLocal(line.Cutoff).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)));
        }

        lines.Add("");
        lines.Add(context.T(Footer));
        await context.ReplyAsync(string.Join('\n', lines), ct);
    }
}
