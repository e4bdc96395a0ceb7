using Directive920Bot.Localization;

namespace Directive920Bot.Sandbox;

/// <summary>The chat simulator's own labels (the bot's messages come from the bot itself).</summary>
internal static class SandboxTexts
{
    public static readonly Loc Title = new("Sandbox Directive920Bot — mô phỏng Telegram và Zalo", "Directive920Bot sandbox — Telegram and Zalo simulator");
    public static readonly Loc Banner = new(
        "Môi trường thử nghiệm: không có Telegram thật, không gửi tin cho ai. Mọi dữ liệu là giả định.",
        "Sandbox: no real Telegram, nothing is sent to anyone. All data is fictional.");
    public static readonly Loc Cadre = new("Cán bộ mẫu", "Demo cadre");
    public static readonly Loc CreateCadre = new("Tạo cán bộ mới", "Create a cadre");
    public static readonly Loc NewName = new("Họ và tên", "Full name");
    public static readonly Loc Create = new("Tạo", "Create");
    public static readonly Loc PlayAs = new("Đóng vai (chỉ trong sandbox)", "Play as (sandbox only)");
    public static readonly Loc PlayCadre = new("Cán bộ đang chọn", "The selected cadre");
    public static readonly Loc PlayUnitAdmin = new("Quản trị đơn vị", "Unit admin");
    public static readonly Loc PlayBlocAdmin = new("Quản trị Khối", "Bloc admin");
    public static readonly Loc Channel = new("Ứng dụng của cán bộ", "The cadre's app");
    public static readonly Loc ZaloHint = new(
        "Zalo không có nút bấm: bot đánh số các lựa chọn (“Trả lời 1 để chọn: …”), đồng chí gõ số, ví dụ 1.",
        "Zalo has no buttons: the bot numbers the choices (“Trả lời 1 để chọn: …”, reply 1 to choose) and you type the number, e.g. 1.");
    public static readonly Loc SandboxOnly = new("CHỈ TRONG SANDBOX", "SANDBOX ONLY");
    public static readonly Loc Clock = new("Giờ mô phỏng", "Simulated time");
    public static readonly Loc PlusHour = new("+1 giờ", "+1 hour");
    public static readonly Loc PlusDay = new("+1 ngày", "+1 day");
    public static readonly Loc NextEvent = new("Sự kiện kế tiếp", "Next scheduled event");
    public static readonly Loc MessagePlaceholder = new("Nhập tin nhắn hoặc lệnh, ví dụ /start", "Type a message or a command, e.g. /start");
    public static readonly Loc Send = new("Gửi", "Send");
    public static readonly Loc Empty = new("Chưa có tin nhắn. Gửi /start để bắt đầu.", "No messages yet. Send /start to begin.");
    public static readonly Loc Edited = new("đã sửa", "edited");
    public static readonly Loc Deleted = new("Tin nhắn đã bị xoá", "Message deleted");
    public static readonly Loc Poll = new("Bình chọn", "Poll");
    public static readonly Loc Quiz = new("Câu hỏi trắc nghiệm", "Quiz");
    public static readonly Loc Votes = new("lượt chọn", "votes");
    public static readonly Loc Closed = new("đã đóng", "closed");
    public static readonly Loc Ledger = new("Sổ gửi tin của cán bộ", "Delivery ledger of the cadre");
    public static readonly Loc Report = new("Báo cáo đơn vị", "Unit report");
    public static readonly Loc Profile = new("Hồ sơ đăng ký", "Registration profile");
    public static readonly Loc NotRegistered = new("Chưa đăng ký.", "Not registered yet.");
    public static readonly Loc LedgerEmpty = new("Chưa có tin nào trong sổ gửi tin của cán bộ này.", "Nothing in this cadre's delivery ledger yet.");
    public static readonly Loc What = new("Nội dung", "What");
    public static readonly Loc Due = new("Hẹn gửi", "Due");
    public static readonly Loc State = new("Trạng thái", "State");
    public static readonly Loc Roster = new("Danh sách đơn vị (roster)", "Unit roster");
    public static readonly Loc RosterShort = new("DS", "Roster");
    public static readonly Loc Delivered = new("Đã gửi", "Delivered");
    public static readonly Loc Acknowledged = new("Đã xác nhận", "Acknowledged");
    public static readonly Loc QuizTaken = new("Làm trắc nghiệm", "Quiz takers");
    public static readonly Loc Registered = new("Đã đăng ký", "Registered");
    public static readonly Loc Unit = new("Đơn vị", "Unit");
    public static readonly Loc Role = new("Vai trò", "Role");
    public static readonly Loc Name = new("Họ tên", "Name");
    public static readonly Loc Status = new("Trạng thái", "Status");
    public static readonly Loc Leader = new("Lãnh đạo", "Leader");
    public static readonly Loc Staff = new("Cán bộ, công chức, viên chức", "Cadre, civil servant, public employee");
    public static readonly Loc Language = new("English", "Tiếng Việt");
    public static readonly Loc Working = new("Đang xử lý…", "Working…");
    public static readonly Loc UnitAdminHint = new(
        "Đồng chí đang đóng vai quản trị đơn vị {0}. Thử /baocao, /capquyen, /guithongbao.",
        "You are playing the unit admin of {0}. Try /report, /grant, /broadcast.");
    public static readonly Loc BlocAdminHint = new(
        "Đồng chí đang đóng vai quản trị Khối. Thử /baocao, /capquyen, /guithongbao.",
        "You are playing the bloc admin. Try /report, /grant, /broadcast.");
    public static readonly Loc Persona = new("Người dùng mẫu", "Demo user");

    public static Loc KindName(Delivery.DeliveryKind kind) => kind switch
    {
        Delivery.DeliveryKind.Lesson => new("Bài học", "Lesson"),
        Delivery.DeliveryKind.Announcement => new("Thông báo", "Announcement"),
        Delivery.DeliveryKind.Reminder => new("Nhắc nhở", "Reminder"),
        Delivery.DeliveryKind.Quiz => new("Câu hỏi", "Quiz"),
        Delivery.DeliveryKind.Review => new("Ôn tập", "Review"),
        Delivery.DeliveryKind.Digest => new("Tổng hợp", "Digest"),
        _ => new("Nhắc ngay", "Nudge"),
    };

    public static Loc StateName(Delivery.DeliveryState state) => state switch
    {
        Delivery.DeliveryState.Pending => new("Chờ gửi", "Pending"),
        Delivery.DeliveryState.Sending => new("Đang gửi", "Sending"),
        Delivery.DeliveryState.Sent => new("Đã gửi", "Sent"),
        Delivery.DeliveryState.Failed => new("Lỗi", "Failed"),
        Delivery.DeliveryState.Blocked => new("Bị chặn", "Blocked"),
        _ => new("Bỏ qua", "Skipped"),
    };

    public static Loc StatusName(Registration.SubscriberStatus status, bool paused) => status switch
    {
        Registration.SubscriberStatus.Active when paused => new("Tạm dừng nhận bài", "Lessons paused"),
        Registration.SubscriberStatus.Active => new("Đang nhận tin", "Receiving messages"),
        Registration.SubscriberStatus.Stopped => new("Đã ngừng nhận tin", "Unsubscribed"),
        Registration.SubscriberStatus.Blocked => new("Đã chặn bot", "Blocked the bot"),
        _ => new("Đang đăng ký", "Registering"),
    };
}
