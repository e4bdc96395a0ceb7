using Directive920Bot.Localization;

namespace Directive920Bot.Delivery;

internal static class BroadcastTexts
{
    public static readonly Loc ChooseKind = new(
        "📣 <b>Soạn tin thông báo / lên lịch bài học</b>\nĐồng chí muốn gửi gì?",
        "📣 <b>New announcement / lesson schedule</b>\nWhat would you like to send?");

    public static readonly Loc TextButton = new("📝 Tin thông báo (nhập nội dung)", "📝 Announcement (type the text)");

    public static readonly Loc AskText = new(
        "Đồng chí vui lòng nhập nội dung tin thông báo (một tin nhắn văn bản).",
        "Please type the announcement (one text message).");

    public static readonly Loc TextRequired = new(
        "Nội dung tin thông báo cần ở dạng văn bản. Đồng chí vui lòng nhập lại.",
        "The announcement must be text. Please type it again.");

    public static readonly Loc RegisterFirst = new(
        "Đồng chí cần đăng ký với bot (/start) trước khi soạn tin thông báo.",
        "Please register with the bot (/start) before composing an announcement.");

    public static readonly Loc ChooseAudience = new("👥 <b>Gửi tới ai?</b>", "👥 <b>Who should receive it?</b>");

    public static readonly Loc WholeBloc = new("🏛 Toàn Khối", "🏛 The whole bloc");

    public static readonly Loc ChooseUnits = new("🏢 Chọn đơn vị", "🏢 Choose units");

    public static readonly Loc UnitsPage = new(
        "🏢 <b>Chọn đơn vị</b> (bấm để chọn / bỏ chọn). Đã chọn: {0}.",
        "🏢 <b>Choose units</b> (press to select / unselect). Selected: {0}.");

    public static readonly Loc NoneSelected = new("chưa có", "none");

    public static readonly Loc SubUnitsOn = new("☑️ Gồm đơn vị trực thuộc", "☑️ Include sub-units");

    public static readonly Loc SubUnitsOff = new("⬜ Gồm đơn vị trực thuộc", "⬜ Include sub-units");

    public static readonly Loc Previous = new("◀️ Trước", "◀️ Previous");

    public static readonly Loc Next = new("Sau ▶️", "Next ▶️");

    public static readonly Loc Continue = new("Tiếp tục ➡️", "Continue ➡️");

    public static readonly Loc ChooseAtLeastOne = new("Đồng chí vui lòng chọn ít nhất một đơn vị.", "Please select at least one unit.");

    public static readonly Loc ChooseRoles = new("🧑‍💼 <b>Đối tượng nào?</b>", "🧑‍💼 <b>Which roles?</b>");

    public static readonly Loc RoleAll = new("Tất cả", "Everyone");

    public static readonly Loc RoleLeaders = new("Lãnh đạo", "Leaders");

    public static readonly Loc RoleStaff = new("Cán bộ, công chức, viên chức", "Cadres, civil servants and public employees");

    public static readonly Loc RolePartyMembers = new("Chỉ đảng viên (theo danh sách đơn vị)", "Party members only (from the unit roster)");

    public static readonly Loc AskTime = new(
        "🕒 <b>Khi nào gửi?</b> Bấm “Gửi ngay” hoặc nhập thời điểm theo giờ Việt Nam, dạng <code>dd/MM/yyyy HH:mm</code> (ví dụ <code>{0}</code>).",
        "🕒 <b>When?</b> Press “Send now” or type a local (Vietnam) time as <code>dd/MM/yyyy HH:mm</code> (e.g. <code>{0}</code>).");

    public static readonly Loc SendNow = new("⚡ Gửi ngay", "⚡ Send now");

    public static readonly Loc BadTime = new(
        "Bot chưa đọc được thời điểm “{0}”. Đồng chí vui lòng nhập theo dạng <code>dd/MM/yyyy HH:mm</code>, ví dụ <code>{1}</code>.",
        "The bot could not read the time “{0}”. Please type it as <code>dd/MM/yyyy HH:mm</code>, e.g. <code>{1}</code>.");

    public static readonly Loc PastTime = new(
        "Thời điểm {0} đã qua. Đồng chí vui lòng nhập một thời điểm trong tương lai hoặc bấm “Gửi ngay”.",
        "{0} is in the past. Please type a future time or press “Send now”.");

    public static readonly Loc PreviewButtonPressed = new(
        "Đây là bản xem trước — nút này chỉ hoạt động trong tin gửi thật.",
        "This is a preview — the button works in the real message.");

    public static readonly Loc PreviewHeader = new(
        "👁 <b>Xem trước</b> — cán bộ sẽ nhận đúng như tin dưới đây:",
        "👁 <b>Preview</b> — cadres will receive exactly the message below:");

    public static readonly Loc Summary = new(
        "<b>Tóm tắt</b>\nNội dung: {0}\nNgười nhận: {1} ({2} người đã đăng ký)\nThời điểm gửi: {3}\n\nĐồng chí xác nhận gửi?",
        "<b>Summary</b>\nContent: {0}\nAudience: {1} ({2} registered people)\nSending: {3}\n\nConfirm?");

    public static readonly Loc Announcement = new("tin thông báo", "announcement");

    public static readonly Loc Now = new("ngay bây giờ", "now");

    public static readonly Loc AllRoles = new("mọi đối tượng", "all roles");

    public static readonly Loc WithSubUnits = new(" (gồm đơn vị trực thuộc)", " (with sub-units)");

    public static readonly Loc Confirm = new("✅ Xác nhận gửi", "✅ Confirm");

    public static readonly Loc Cancel = new("Hủy", "Cancel");

    public static readonly Loc DraftCancelled = new("Đã hủy bản nháp.", "Draft discarded.");

    public static readonly Loc NoDraft = new("Không còn bản nháp nào. Gõ /guithongbao để soạn mới.", "There is no draft any more. Type /broadcast to start again.");

    public static readonly Loc Created = new(
        "✅ Đã tạo chiến dịch “{0}”: {1} người nhận, gửi {2}. Theo dõi bằng /chiendich.",
        "✅ Campaign “{0}” created: {1} recipients, sending {2}. Follow it with /campaigns.");

    public static readonly Loc AwaitingApproval = new(
        "⏳ Chiến dịch chờ một quản trị Khối khác duyệt (trên bảng điều khiển, mục Chiến dịch) rồi mới được gửi.",
        "⏳ The campaign waits for another bloc admin's approval (in the console, Campaigns) before anything is sent.");

    public static readonly Loc DraftIncomplete = new(
        "Bản nháp không còn đầy đủ. Đồng chí vui lòng gõ /guithongbao để soạn lại.",
        "The draft is incomplete. Please type /broadcast to start again.");

    public static readonly Loc UnitGone = new(
        "Có đơn vị đã chọn không còn trong danh sách; đồng chí vui lòng gõ /guithongbao và chọn lại đơn vị.",
        "A chosen unit no longer exists; please type /broadcast and choose the units again.");

    public static readonly Loc NoCampaigns = new("Chưa có chiến dịch nào.", "There are no campaigns yet.");

    public static readonly Loc CampaignsHeader = new("📋 <b>Chiến dịch</b> (đã lên lịch, đang gửi, gần đây):", "📋 <b>Campaigns</b> (scheduled, sending, recent):");

    public static readonly Loc CampaignDetail = new(
        "📣 <b>{0}</b>\nNội dung: {1}\nTrạng thái: {2}\nThời điểm gửi: {3}\nNgười tạo: {4}\n\nĐã lập: {5} · Đã gửi: {6} · Lỗi: {7} · Bị chặn: {8} · Bỏ qua: {9} · Còn lại: {10}{11}",
        "📣 <b>{0}</b>\nContent: {1}\nStatus: {2}\nSending: {3}\nCreated by: {4}\n\nExpanded: {5} · Sent: {6} · Failed: {7} · Blocked: {8} · Skipped: {9} · Remaining: {10}{11}");

    public static readonly Loc Eta = new("\nƯớc tính xong sau: {0}", "\nEstimated time left: {0}");

    public static readonly Loc UnderAMinute = new("dưới 1 phút", "under a minute");

    public static readonly Loc AboutMinutes = new("khoảng {0} phút", "about {0} min");

    public static readonly Loc AboutHours = new("khoảng {0} giờ {1} phút", "about {0} h {1} min");

    public static readonly Loc AboutWholeHours = new("khoảng {0} giờ", "about {0} h");

    public static readonly Loc LessonGone = new(
        "Bài này không còn trong nội dung. Đồng chí vui lòng chọn bài khác hoặc gõ /guithongbao để bắt đầu lại.",
        "This lesson no longer exists. Please choose another one or type /broadcast to start again.");

    public static readonly Loc Refresh = new("🔄 Cập nhật", "🔄 Refresh");

    public static readonly Loc CancelCampaign = new("⛔ Hủy chiến dịch", "⛔ Cancel campaign");

    public static readonly Loc ConfirmCancel = new(
        "Đồng chí xác nhận <b>hủy</b> chiến dịch “{0}”? Các tin chưa gửi sẽ dừng lại.",
        "Confirm <b>cancelling</b> the campaign “{0}”? Messages not sent yet will be stopped.");

    public static readonly Loc YesCancel = new("✅ Xác nhận hủy", "✅ Yes, cancel it");

    public static readonly Loc Keep = new("Giữ lại", "Keep it");

    public static readonly Loc NothingToCancel = new(
        "Chiến dịch “{0}” đã {1} trước đó; không còn tin nào để dừng.",
        "The campaign “{0}” was already {1}; there is nothing left to stop.");

    public static readonly Loc WasCompleted = new("gửi xong", "completed");

    public static readonly Loc WasCancelled = new("bị hủy", "cancelled");

    public static readonly Loc CampaignCancelled = new(
        "⛔ Đã hủy chiến dịch “{0}”; {1} tin chưa gửi đã dừng.",
        "⛔ The campaign “{0}” was cancelled; {1} unsent messages stopped.");

    public static readonly Loc UnknownCampaign = new("Không tìm thấy chiến dịch này. Đồng chí gõ /chiendich để xem danh sách chiến dịch.", "This campaign was not found. Type /campaigns to see the list.");

    public static readonly Loc NotAllowed = new("Đồng chí không có quyền thực hiện thao tác này. Nếu cần quyền, đồng chí liên hệ quản trị viên Khối (Đảng ủy Khối các cơ quan tỉnh).", "You are not allowed to do this. If you need the role, contact the bloc administrator (Party Committee of the Provincial Agencies Bloc).");

    public static string Status(string status, string language) => status switch
    {
        "awaiting-approval" => new Loc("chờ duyệt", "awaiting approval").For(language),
        "scheduled" => new Loc("đã lên lịch", "scheduled").For(language),
        "sending" => new Loc("đang gửi", "sending").For(language),
        "cancelled" => new Loc("đã hủy", "cancelled").For(language),
        _ => new Loc("đã xong", "completed").For(language),
    };
}
