using Directive920Bot.Localization;

namespace Directive920Bot.Reports;

internal static class ReportsTexts
{
    public static readonly Loc GrantUsage = new(
        "Cách dùng: <code>/capquyen &lt;mã người dùng&gt; bloc</code> hoặc <code>/capquyen &lt;mã người dùng&gt; unit &lt;MÃ_ĐƠN_VỊ&gt;</code>. Mã người dùng là mã Telegram, hoặc địa chỉ <code>zalo:&lt;mã Zalo&gt;</code> / <code>telegram:&lt;mã&gt;</code>.",
        "Usage: <code>/grant &lt;user id&gt; bloc</code> or <code>/grant &lt;user id&gt; unit &lt;UNIT_CODE&gt;</code>. The user id is a Telegram id, or an address <code>zalo:&lt;Zalo id&gt;</code> / <code>telegram:&lt;id&gt;</code>.");

    public static readonly Loc RevokeUsage = new(
        "Cách dùng: <code>/thuhoiquyen &lt;mã người dùng&gt; bloc</code> hoặc <code>/thuhoiquyen &lt;mã người dùng&gt; unit &lt;MÃ_ĐƠN_VỊ&gt;</code> (mã Telegram, hoặc <code>zalo:&lt;mã Zalo&gt;</code>).",
        "Usage: <code>/revoke &lt;user id&gt; bloc</code> or <code>/revoke &lt;user id&gt; unit &lt;UNIT_CODE&gt;</code> (a Telegram id, or <code>zalo:&lt;Zalo id&gt;</code>).");

    public static readonly Loc ConfirmGrant = new("Đồng chí xác nhận <b>cấp</b> quyền {0} cho người dùng {1}{2}?", "Confirm <b>granting</b> {0} to user {1}{2}?");

    public static readonly Loc ConfirmRevoke = new("Đồng chí xác nhận <b>thu hồi</b> quyền {0} của người dùng {1}{2}?", "Confirm <b>revoking</b> {0} from user {1}{2}?");

    public static readonly Loc Yes = new("✅ Xác nhận", "✅ Confirm");

    public static readonly Loc Cancel = new("Hủy", "Cancel");

    public static readonly Loc Cancelled = new("Đã hủy.", "Cancelled.");

    public static readonly Loc BlocRole = new("Quản trị Khối", "bloc admin");

    public static readonly Loc UnitRole = new("Quản trị đơn vị {0}", "unit admin of {0}");

    public static readonly Loc Granted = new("✅ Đã cấp quyền {0} cho người dùng {1}.", "✅ Granted {0} to user {1}.");

    public static readonly Loc AlreadyHeld = new("Người dùng {1} đã có quyền {0}.", "User {1} already holds {0}.");

    public static readonly Loc Revoked = new("✅ Đã thu hồi quyền {0} của người dùng {1}.", "✅ Revoked {0} from user {1}.");

    public static readonly Loc NotHeld = new("Người dùng {1} không có quyền {0}.", "User {1} does not hold {0}.");

    public static readonly Loc UnknownAddress = new(
        "Chưa có ai dùng bot từ địa chỉ <code>{0}</code>. Người đó cần mở bot và đồng ý điều khoản trước; sau đó đồng chí cấp quyền lại.",
        "Nobody has used the bot from <code>{0}</code> yet. They need to open the bot and give consent first; then grant the role again.");

    public static readonly Loc UnknownUnit = new("Không tìm thấy đơn vị có mã <code>{0}</code>.", "There is no unit with code <code>{0}</code>.");

    public static readonly Loc NotAllowed = new("Đồng chí không có quyền thực hiện thao tác này. Nếu cần quyền, đồng chí liên hệ quản trị viên Khối (Đảng ủy Khối các cơ quan tỉnh).", "You are not allowed to do this. If you need the role, contact the bloc administrator (Party Committee of the Provincial Agencies Bloc).");

    public static readonly Loc ReportHeader = new("📊 <b>Báo cáo: {0}</b>", "📊 <b>Report: {0}</b>");

    public static readonly Loc ReportMembers = new(
        "Danh sách: {0} · Đã đăng ký: {1} ({2} so với danh sách)\nĐang nhận tin: {3} ({4} so với đăng ký; {5} so với danh sách)\nĐã chặn/ngừng: {6}",
        "Roster: {0} · Registered: {1} ({2} of the roster)\nReceiving: {3} ({4} of registered; {5} of the roster)\nBlocked/stopped: {6}");

    public static readonly Loc ReportChannels = new(
        "Kênh sử dụng (số người): chỉ Telegram {0} · chỉ Zalo {1} · cả hai {2}",
        "Channels used (people): Telegram only {0} · Zalo only {1} · both {2}");

    public static readonly Loc ReportAcks = new(
        "Lượt gửi: {0} · Xác nhận: {1} ({2}; {3} so với danh sách)",
        "Delivered: {0} · Acknowledged: {1} ({2}; {3} of the roster)");

    public static readonly Loc ReportReviewDue = new("Cần ôn lại câu trả lời sai: {0} người", "Members with questions due for review: {0}");
    public static readonly Loc ReportQuiz = new("Tham gia trắc nghiệm: {0} ({1} so với đăng ký)", "Quiz participants: {0} ({1} of registered)");

    public static readonly Loc ChartByLesson = new("Tỷ lệ xác nhận theo bài", "Acknowledgement rate per lesson");

    public static readonly Loc ChartByUnit = new("Tỷ lệ xác nhận theo đơn vị", "Acknowledgement rate per unit");

    public static readonly Loc PendingButton = new("Danh sách chưa xác nhận", "Not yet acknowledged");

    public static readonly Loc NudgeButton = new("Nhắc ngay", "Nudge now");

    public static readonly Loc DocxButton = new("Báo cáo chuyên đề (DOCX)", "Thematic report (DOCX)");

    public static readonly Loc MembersButton = new("Cán bộ chưa khớp danh sách", "Roster mismatches");

    public static readonly Loc NotAvailable = new("Chức năng này chưa sẵn sàng.", "This is not available yet.");

    public static readonly Loc NothingPending = new("Tất cả cán bộ đã xác nhận các bài đã gửi.", "Everyone has acknowledged what was sent.");

    public static readonly Loc PendingHeader = new("<b>Chưa xác nhận</b> ({0}):", "<b>Not acknowledged</b> ({0}):");

    public static readonly Loc Nudged = new("Đã gửi nhắc tới {0} cán bộ.", "Nudged {0} people.");

    public static readonly Loc NudgeTooSoon = new("Hôm nay đơn vị đã được nhắc về các bài này; đồng chí có thể nhắc lại vào ngày mai.", "This unit was already nudged about these today; you can nudge again tomorrow.");

    public static readonly Loc DocxCaption = new(
        "Báo cáo chuyên đề về thực hiện Thông báo 920-TB/TU — {0}, từ ngày {1} đến ngày {2}",
        "Thematic report on Notice 920-TB/TU — {0}, from {1} to {2}");

    public static readonly Loc AskPeriod = new("Đồng chí chọn kỳ báo cáo chuyên đề (số liệu gửi, xác nhận và trắc nghiệm trong kỳ):", "Choose the period of the thematic report (what was sent, acknowledged and answered in it):");

    public static readonly Loc PeriodThisMonth = new("Tháng này ({0})", "This month ({0})");

    public static readonly Loc PeriodLastMonth = new("Tháng trước ({0})", "Last month ({0})");

    public static readonly Loc PeriodYearToDate = new("Từ đầu năm ({0})", "Year to date ({0})");

    public static readonly Loc MembersHeader = new(
        "<b>Đối chiếu danh sách — {0}</b>\nĐăng ký nhưng chưa khớp danh sách: {1}\nTrong danh sách nhưng chưa đăng ký: {2}",
        "<b>Roster check — {0}</b>\nRegistered but not on the roster: {1}\nOn the roster but never registered: {2}");

    public static readonly Loc LinkButton = new("Khớp: {0} ↔ {1}", "Link: {0} ↔ {1}");

    public static readonly Loc Linked = new("✅ Đã khớp với danh sách.", "✅ Linked to the roster.");

    public static readonly Loc NotLinked = new("Đã ghi nhận. Quản trị đơn vị sẽ đối chiếu sau.", "Noted. Your unit admin will check it.");

    public static readonly Loc RosterFileRejected = new("Không nhập được tệp danh sách; không có dòng nào được lưu:\n{0}", "The roster file was not imported; nothing was saved:\n{0}");

    public static readonly Loc RosterImported = new("✅ Đã nhập danh sách: thêm {0}, cập nhật {1}, không còn trong danh sách {2}.", "✅ Roster imported: {0} added, {1} updated, {2} no longer listed.");

    public static readonly Loc RosterTooLarge = new("Tệp quá lớn (tối đa 5 MB).", "The file is too large (5 MB at most).");

    public static readonly Loc RosterSizeUnknown = new(
        "Không xác định được kích thước tệp nên tệp chưa được tải về. Đồng chí vui lòng gửi lại tệp CSV hoặc XLSX (tối đa 5 MB) dưới dạng tài liệu.",
        "The file's size is not known, so it was not downloaded. Please send the CSV or XLSX file (5 MB at most) again as a document.");

    public static readonly Loc RosterHelp = new(
        "Gửi tệp danh sách cán bộ (CSV hoặc XLSX) vào cuộc trò chuyện này. Các cột: <code>full_name,unit_code,role,position,phone</code> (role: leader/staff).",
        "Send the member roster (CSV or XLSX) in this chat. Columns: <code>full_name,unit_code,role,position,phone</code> (role: leader/staff).");
}
