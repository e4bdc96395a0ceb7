using Directive920Bot.Localization;

namespace Directive920Bot.WebConsole;

/// <summary>The console's own labels, Vietnamese first (the wording tests read every <see cref="Loc"/> of the service).</summary>
public static class ConsoleTexts
{
    public static readonly Loc Title = new("Bảng điều khiển 920", "Console 920");
    public static readonly Loc Overview = new("Tổng quan", "Overview");
    public static readonly Loc Units = new("Đơn vị", "Units");
    public static readonly Loc Audit = new("Nhật ký", "Audit log");
    public static readonly Loc SignOut = new("Đăng xuất", "Sign out");
    public static readonly Loc SwitchLanguage = new("English", "Tiếng Việt");
    public static readonly Loc SignedInAs = new("Đang đăng nhập: {0}", "Signed in: {0}");
    public static readonly Loc BlocAdmin = new("quản trị Khối", "bloc admin");
    public static readonly Loc UnitAdmin = new("quản trị đơn vị {0}", "unit admin of {0}");

    public static readonly Loc SignInTitle = new("Đăng nhập bảng điều khiển", "Sign in to the console");
    public static readonly Loc SignInHow = new(
        "Bảng điều khiển không dùng mật khẩu. Gửi lệnh /web cho bot 920 trên Telegram để nhận liên kết đăng nhập dùng một lần (hết hạn sau 10 phút), rồi mở liên kết đó tại đây.",
        "The console has no passwords. Send /web to the 920 bot on Telegram for a one-time sign-in link (it expires in 10 minutes), then open it here.");
    public static readonly Loc SignedOut = new("Đã đăng xuất.", "You are signed out.");
    public static readonly Loc SignInConfirm = new(
        "Bấm “Đăng nhập” để vào bảng điều khiển bằng liên kết đồng chí nhận từ bot. Liên kết chỉ dùng được một lần.",
        "Press “Sign in” to enter the console with the link the bot sent you. The link works once.");
    public static readonly Loc SignInButton = new("Đăng nhập", "Sign in");
    public static readonly Loc LinkUnknown = new(
        "Liên kết đăng nhập không đúng. Gửi /web cho bot để nhận liên kết mới.",
        "This sign-in link is not valid. Send /web to the bot for a new one.");
    public static readonly Loc LinkExpired = new(
        "Liên kết đăng nhập đã hết hạn (sau 10 phút). Gửi /web cho bot để nhận liên kết mới.",
        "This sign-in link has expired (after 10 minutes). Send /web to the bot for a new one.");
    public static readonly Loc LinkUsed = new(
        "Liên kết đăng nhập này đã được dùng. Gửi /web cho bot để nhận liên kết mới.",
        "This sign-in link was already used. Send /web to the bot for a new one.");
    public static readonly Loc LinkOtherPerson = new(
        "Liên kết này dành cho người khác, trình duyệt đang đăng nhập bằng tài khoản của đồng chí. Đăng xuất trước nếu cần đổi người dùng.",
        "This link belongs to someone else, and this browser is signed in as you. Sign out first to change users.");
    public static readonly Loc LinkNotAdmin = new(
        "Tài khoản không còn quyền quản trị. Liên hệ Ban Tuyên giáo Đảng ủy Khối nếu cần cấp lại quyền.",
        "This account no longer holds an admin role. Contact the bloc's propaganda staff to have it granted again.");

    public static readonly Loc Forbidden = new(
        "Đồng chí không có quyền xem trang này: trang thuộc đơn vị ngoài phạm vi quản trị của đồng chí. Quay lại trang Đơn vị để chọn đơn vị của mình.",
        "You may not open this page: it belongs to a unit outside your scope. Go back to Units and pick one of yours.");
    public static readonly Loc BlocOnly = new(
        "Trang này dành cho quản trị Khối. Quay lại trang Tổng quan.",
        "This page is for bloc admins. Go back to the Overview.");
    public static readonly Loc NotFound = new("Không tìm thấy đơn vị này. Quay lại trang Đơn vị.", "No such unit. Go back to Units.");

    public static readonly Loc Roster = new("Danh sách", "Roster");
    public static readonly Loc Registered = new("Đã đăng ký", "Registered");
    public static readonly Loc Active = new("Đang nhận tin", "Active");
    public static readonly Loc Delivered = new("Đã gửi", "Delivered");
    public static readonly Loc Acknowledged = new("Đã xác nhận", "Acknowledged");
    public static readonly Loc AckRate = new("Tỷ lệ xác nhận", "Acknowledgement rate");
    public static readonly Loc AckRateRoster = new("Xác nhận so với danh sách", "Acknowledged against the roster");
    public static readonly Loc QuizParticipants = new("Làm câu hỏi", "Took quizzes");
    public static readonly Loc Trend = new("Tỷ lệ xác nhận theo tuần", "Acknowledgement rate by week");
    public static readonly Loc TrendEmpty = new("Chưa có tin nào được gửi trong 8 tuần qua.", "Nothing was sent in the last 8 weeks.");
    public static readonly Loc Lagging = new("Đơn vị chậm", "Units lagging behind");
    public static readonly Loc WeakestLessons = new("Nội dung có tỷ lệ xác nhận thấp nhất", "Lessons with the lowest acknowledgement");
    public static readonly Loc WeakestQuestions = new("Câu hỏi có tỷ lệ trả lời đúng thấp nhất", "Questions with the lowest accuracy");
    public static readonly Loc Accuracy = new("Trả lời đúng", "Correct");
    public static readonly Loc None = new("Chưa có số liệu.", "No figures yet.");
    public static readonly Loc Unit = new("Đơn vị", "Unit");
    public static readonly Loc Item = new("Nội dung", "Item");

    public static readonly Loc Members = new("Cán bộ", "Members");
    public static readonly Loc Name = new("Họ và tên", "Name");
    public static readonly Loc Status = new("Trạng thái", "Status");
    public static readonly Loc Filter = new("Lọc", "Filter");
    public static readonly Loc Search = new("Tìm theo tên", "Search by name");
    public static readonly Loc AllMembers = new("Tất cả", "Everyone");
    public static readonly Loc NotRegistered = new("Chưa đăng ký", "Not registered");
    public static readonly Loc PendingAck = new("Còn nội dung chưa xác nhận", "Something not acknowledged");
    public static readonly Loc Blocked = new("Đã chặn bot", "Blocked the bot");
    public static readonly Loc OnTime = new("Đúng hạn", "On time");
    public static readonly Loc Late = new("Muộn", "Late");
    public static readonly Loc NotYet = new("Chưa xác nhận", "Not yet");
    public static readonly Loc NotSent = new("Chưa gửi", "Not sent");
    public static readonly Loc BadPage = new("Số trang không hợp lệ: đồng chí vui lòng dùng các liên kết chuyển trang.", "That page number is not valid: please use the page links.");
    public static readonly Loc Page = new("Trang {0}/{1}", "Page {0} of {1}");
    public static readonly Loc Previous = new("Trang trước", "Previous");
    public static readonly Loc Next = new("Trang sau", "Next");
    public static readonly Loc Nudge = new("Nhắc người chưa xác nhận", "Nudge those who have not acknowledged");
    public static readonly Loc Nudged = new("Đã xếp {0} tin nhắc để gửi.", "{0} nudges queued.");
    public static readonly Loc NudgedNone = new("Không có ai cần nhắc (hoặc đơn vị đã được nhắc hôm nay).", "Nobody to nudge (or the unit was nudged today).");
    public static readonly Loc Exports = new("Xuất báo cáo", "Exports");
    public static readonly Loc Thematic = new("Báo cáo chuyên đề (DOCX)", "Thematic report (DOCX)");
    public static readonly Loc InviteQr = new("Mã QR mời cán bộ của đơn vị đăng ký (PNG, để in cho cuộc họp)", "QR code inviting the unit's cadres to register (PNG, to print for a meeting)");
    public static readonly Loc NoInviteLink = new(
        "Bot chưa lấy được tên của mình từ Telegram nên chưa tạo được mã QR. Đề nghị thử lại sau ít phút.",
        "The bot could not get its name from Telegram yet, so there is no QR code. Please try again in a few minutes.");
    public static readonly Loc From = new("Từ ngày", "From");
    public static readonly Loc To = new("Đến ngày", "To");
    public static readonly Loc Download = new("Tải về", "Download");
    public static readonly Loc SubUnits = new("Đơn vị trực thuộc", "Sub-units");

    public static readonly Loc People = new("Người dùng", "People");
    public static readonly Loc Roles = new("Quyền", "Roles");
    public static readonly Loc RosterImport = new("Nhập danh sách cán bộ", "Import the member roster");
    public static readonly Loc RosterHelp = new(
        "Tệp CSV hoặc XLSX (tối đa 5 MB) với các cột full_name, unit_code, role (bắt buộc), position, phone, dang_vien. Bấm “Xem trước” để kiểm tra: chưa có gì được ghi cho đến khi đồng chí bấm “Ghi danh sách”.",
        "A CSV or XLSX file (at most 5 MB) with the columns full_name, unit_code, role (required), position, phone, dang_vien. Press “Preview” to check it: nothing is written until you press “Write the roster”.");
    public static readonly Loc RosterFile = new("Tệp danh sách", "Roster file");
    public static readonly Loc PreviewButton = new("Xem trước", "Preview");
    public static readonly Loc ApplyButton = new("Ghi danh sách", "Write the roster");
    public static readonly Loc RosterRefused = new("Tệp chưa được ghi vì có lỗi ở các dòng sau. Sửa tệp rồi xem trước lại:", "The file was not written because of the errors below. Fix the file and preview it again:");
    public static readonly Loc RosterPreview = new("Xem trước: thêm {0}, cập nhật {1}, đưa ra khỏi danh sách {2} người. Chưa có gì được ghi.", "Preview: {0} added, {1} updated, {2} retired. Nothing is written yet.");
    public static readonly Loc RosterWritten = new("Đã ghi danh sách: thêm {0}, cập nhật {1}, đưa ra khỏi danh sách {2} người.", "Roster written: {0} added, {1} updated, {2} retired.");
    public static readonly Loc RosterNoFile = new("Chưa chọn tệp hoặc tệp lớn hơn 5 MB. Chọn một tệp CSV hoặc XLSX rồi bấm “Xem trước”.", "No file was chosen, or it is larger than 5 MB. Choose a CSV or XLSX file and press “Preview”.");
    public static readonly Loc AuditPerson = new("Người thực hiện (mã)", "Person (id)");
    public static readonly Loc AuditAction = new("Hành động", "Action");
    public static readonly Loc AuditTarget = new("Đối tượng", "Target");
    public static readonly Loc AuditDetails = new("Chi tiết", "Details");
    public static readonly Loc AuditAt = new("Thời điểm", "Time");
    public static readonly Loc BadDate = new(
        "Ngày không đúng dạng: nhập theo dạng năm-tháng-ngày, ví dụ 2026-12-01, ngày bắt đầu không sau ngày kết thúc.",
        "A date is not valid: write it as year-month-day, e.g. 2026-12-01, with the start not after the end.");
}
