using Directive920Bot.Localization;

namespace Directive920Bot.WebConsole;

/// <summary>The labels of the Chiến dịch pages, Vietnamese first (kept apart from <see cref="ConsoleTexts"/>: one feature, one file).</summary>
public static class CampaignTexts
{
    public static readonly Loc Campaigns = new("Chiến dịch", "Campaigns");
    public static readonly Loc NewCampaign = new("Tạo chiến dịch", "New campaign");
    public static readonly Loc NoCampaigns = new("Chưa có chiến dịch nào trong phạm vi của đồng chí.", "No campaigns in your scope yet.");
    public static readonly Loc Content = new("Nội dung", "Content");
    public static readonly Loc Audience = new("Người nhận", "Audience");
    public static readonly Loc Sending = new("Thời điểm gửi", "Sending");
    public static readonly Loc StatusLabel = new("Trạng thái", "Status");
    public static readonly Loc ProgressLabel = new("Tiến độ", "Progress");
    public static readonly Loc CreatedByLabel = new("Người tạo", "Created by");
    public static readonly Loc ApprovedByLabel = new("Người duyệt", "Approved by");

    public static readonly Loc StatusAwaiting = new("Chờ duyệt", "Awaiting approval");
    public static readonly Loc StatusScheduled = new("Đã lên lịch", "Scheduled");
    public static readonly Loc StatusSending = new("Đang gửi", "Sending");
    public static readonly Loc StatusCompleted = new("Đã gửi xong", "Completed");
    public static readonly Loc StatusCancelled = new("Đã hủy", "Cancelled");

    public static readonly Loc Total = new("Tổng số", "Total");
    public static readonly Loc Sent = new("Đã gửi", "Sent");
    public static readonly Loc Failed = new("Lỗi", "Failed");
    public static readonly Loc BlockedLabel = new("Đã chặn bot", "Blocked");
    public static readonly Loc Skipped = new("Bỏ qua", "Skipped");
    public static readonly Loc Remaining = new("Còn lại", "Remaining");
    public static readonly Loc Eta = new("Dự kiến xong sau", "Done in about");
    public static readonly Loc EtaValue = new("{0} phút {1} giây", "{0} min {1} s");
    public static readonly Loc Refresh = new("Cập nhật số liệu", "Refresh the figures");

    public static readonly Loc KindLabel = new("Loại nội dung", "Kind of content");
    public static readonly Loc KindLesson = new("Bài học trong danh mục", "A lesson from the catalogue");
    public static readonly Loc KindText = new("Thông báo tự soạn", "An announcement you write");
    public static readonly Loc Lesson = new("Bài học", "Lesson");
    public static readonly Loc ChooseLesson = new("— chọn bài học —", "— choose a lesson —");
    public static readonly Loc Text = new("Nội dung thông báo (Markdown: **đậm**, _nghiêng_, [liên kết](https://…), danh sách “- ”)",
        "Announcement text (Markdown: **bold**, _italic_, [link](https://…), “- ” lists)");
    public static readonly Loc AllUnits = new("Toàn Khối (mọi người đã đăng ký)", "The whole bloc (everyone registered)");
    public static readonly Loc UnitsLabel = new("Đơn vị", "Units");
    public static readonly Loc IncludeSubUnitsLabel = new("Gồm cả đơn vị trực thuộc", "Include sub-units");
    public static readonly Loc RolesLabel = new("Đối tượng", "Roles");
    public static readonly Loc Leaders = new("Lãnh đạo", "Leaders");
    public static readonly Loc Staff = new("Cán bộ, công chức", "Staff");
    public static readonly Loc RolesHelp = new("Không chọn: cả hai.", "None ticked: both.");
    public static readonly Loc PartyMembers = new("Chỉ đảng viên (theo danh sách)", "Party members only (from the roster)");
    public static readonly Loc WhenNow = new("Gửi ngay", "Send now");
    public static readonly Loc WhenAt = new("Gửi vào lúc", "Send at");
    public static readonly Loc WhenRepeat = new("Gửi lặp lại", "Repeat");
    public static readonly Loc RepeatWeekdays = new("Mỗi ngày làm việc (thứ Hai – thứ Sáu)", "Every working day (Monday – Friday)");
    public static readonly Loc RepeatWeekly = new("Mỗi tuần vào", "Every week on");
    public static readonly Loc TimeOfDay = new("Giờ gửi", "Time of day");
    public static readonly Loc RequireAck = new("Yêu cầu bấm “Đã đọc và cam kết thực hiện”", "Ask for “Read and committed”");
    public static readonly Loc QuizBeforeAck = new("Xác nhận sau khi hiểu (trả lời câu hỏi trước khi xác nhận)", "Acknowledge after understanding (answer the questions first)");
    public static readonly Loc QuizCurriculum = new("theo chương trình", "as the curriculum says");
    public static readonly Loc Yes = new("có", "yes");
    public static readonly Loc No = new("không", "no");
    public static readonly Loc Reminders = new("Nhắc người chưa xác nhận", "Remind those who have not acknowledged");
    public static readonly Loc RemindAfter = new("sau (giờ làm việc)", "after (working hours)");
    public static readonly Loc RemindMax = new("tối đa (lần)", "at most (times)");
    public static readonly Loc RemindHelp = new("Để trống: theo cài đặt chung.", "Leave empty: the general setting.");
    public static readonly Loc PreviewSubmit = new("Xem trước", "Preview");
    public static readonly Loc TestButton = new("Gửi thử cho đồng chí", "Send a test to me");
    public static readonly Loc CreateButton = new("Tạo chiến dịch", "Create the campaign");
    public static readonly Loc PreviewHeading = new("Xem trước (như cán bộ nhận trên Telegram)", "Preview (as cadres see it in Telegram)");
    public static readonly Loc PreviewEmpty = new("Chọn bài học hoặc viết nội dung để xem trước.", "Choose a lesson or write a text to see the preview.");
    public static readonly Loc PreviewAudience = new("Sẽ gửi tới {0} người.", "Goes to {0} people.");
    public static readonly Loc PreviewParts = new("Tin dài, sẽ chia thành {0} phần.", "Long message, sent in {0} parts.");
    public static readonly Loc FormErrors = new("Biểu mẫu còn lỗi, chưa có gì được lưu. Xem các ghi chú bên cạnh từng mục.", "The form has errors; nothing was saved. See the notes beside each field.");
    public static readonly Loc TestSent = new("Đã gửi thử {0} tin tới Telegram của đồng chí (không tính vào số liệu chiến dịch).", "{0} test message(s) sent to your Telegram (not counted in the campaign's figures).");
    public static readonly Loc TestNotSent = new("Chưa gửi thử được: bot không nhắn được cho đồng chí. Đồng chí mở bot, bấm Start rồi thử lại.", "The test could not be sent: the bot cannot reach you. Open the bot, press Start and try again.");
    public static readonly Loc Created = new("Đã tạo chiến dịch.", "Campaign created.");
    public static readonly Loc CreatedAwaiting = new("Đã tạo chiến dịch. Chiến dịch chờ một quản trị Khối khác duyệt rồi mới được gửi.", "Campaign created. It waits for another bloc admin's approval before anything is sent.");

    public static readonly Loc ErrorContent = new("Chọn một bài học hoặc viết nội dung thông báo (chỉ một trong hai).", "Choose a lesson or write an announcement (one of the two).");
    public static readonly Loc ErrorLesson = new("Bài học này không có trong danh mục.", "This lesson is not in the catalogue.");
    public static readonly Loc ErrorAudience = new("Chọn ít nhất một đơn vị (hoặc toàn Khối).", "Choose at least one unit (or the whole bloc).");
    public static readonly Loc ErrorUnitScope = new("Có đơn vị ngoài phạm vi quản trị của đồng chí.", "A unit is outside your scope.");
    public static readonly Loc ErrorAllScope = new("Chỉ quản trị Khối gửi được cho toàn Khối.", "Only bloc admins send to the whole bloc.");
    public static readonly Loc ErrorAt = new("Nhập ngày giờ gửi hợp lệ, chưa qua (ví dụ 2026-12-01 08:00).", "Enter a valid sending time that has not passed (e.g. 2026-12-01 08:00).");
    public static readonly Loc ErrorRepeat = new("Chọn cách lặp lại và giờ gửi hợp lệ (ví dụ 08:00).", "Choose how it repeats and a valid time (e.g. 08:00).");
    public static readonly Loc ErrorReminders = new("Nhắc sau 1–720 giờ làm việc, tối đa 0–10 lần.", "Remind after 1–720 working hours, at most 0–10 times.");
    public static readonly Loc ErrorQuizGate = new("“Xác nhận sau khi hiểu” cần một bài học có câu hỏi và nút xác nhận.", "“Acknowledge after understanding” needs a lesson with questions and the acknowledgement button.");

    public static readonly Loc Approve = new("Duyệt và lên lịch gửi", "Approve and schedule");
    public static readonly Loc Approved = new("Đã duyệt; chiến dịch được lên lịch gửi.", "Approved; the campaign is scheduled.");
    public static readonly Loc ApproveOwn = new("Người tạo chiến dịch không tự duyệt được: cần một quản trị Khối khác duyệt.", "The creator cannot approve their own campaign: another bloc admin must.");
    public static readonly Loc ApproveBlocOnly = new("Chỉ quản trị Khối duyệt được chiến dịch.", "Only bloc admins approve campaigns.");
    public static readonly Loc ApproveNotWaiting = new("Chiến dịch này không chờ duyệt.", "This campaign is not waiting for approval.");
    public static readonly Loc AwaitingNote = new("Chiến dịch đang chờ một quản trị Khối khác duyệt; chưa gửi tới ai.", "This campaign waits for another bloc admin's approval; nothing has been sent.");
    public static readonly Loc Cancel = new("Hủy chiến dịch", "Cancel the campaign");
    public static readonly Loc CancelledNote = new("Đã hủy: {0} tin chưa gửi được dừng lại.", "Cancelled: {0} messages not yet sent were stopped.");
    public static readonly Loc Resend = new("Gửi lại cho người gửi lỗi", "Resend to the failed");
    public static readonly Loc Resent = new("Đã xếp lại {0} tin lỗi để gửi lại.", "{0} failed messages queued again.");
    public static readonly Loc CampaignNotFound = new("Không tìm thấy chiến dịch này. Quay lại danh sách Chiến dịch.", "No such campaign. Go back to Campaigns.");
    public static readonly Loc BlocAdminsOnly = new(
        "Chiến dịch do quản trị viên Khối tạo và theo dõi, như trong bot (/guithongbao, /chiendich). Tình hình nhận bài của đơn vị xem ở trang Đơn vị.",
        "Campaigns are created and followed by bloc admins, as in the bot (/broadcast, /campaigns). Your units' delivery is on the Units pages.");

    public static readonly Loc CampaignForbidden = new(
        "Đồng chí không có quyền xem chiến dịch này: người nhận của nó nằm ngoài phạm vi quản trị của đồng chí.",
        "You may not open this campaign: its audience lies outside your scope.");

    public static readonly Loc Recipients = new("Người nhận và trạng thái", "Recipients and their status");
    public static readonly Loc FilterAll = new("Tất cả", "All");
    public static readonly Loc Person = new("Họ tên", "Name");
    public static readonly Loc UnitColumn = new("Đơn vị", "Unit");
    public static readonly Loc State = new("Trạng thái", "State");
    public static readonly Loc Error = new("Lỗi gần nhất", "Last error");
    public static readonly Loc SentAt = new("Gửi lúc", "Sent at");
    public static readonly Loc PreviousPage = new("← Trang trước", "← Previous");
    public static readonly Loc NextPage = new("Trang sau →", "Next →");
    public static readonly Loc PageOf = new("Trang {0}/{1}", "Page {0} of {1}");
    public static readonly Loc Everyone = new("toàn Khối", "the whole bloc");
    public static readonly Loc PeopleCount = new("{0} người được chỉ định", "{0} named people");
    public static readonly Loc Recurring = new("lặp lại: {0}", "repeating: {0}");

    public static readonly Loc StatePending = new("Chờ gửi", "Pending");
    public static readonly Loc StateSending = new("Đang gửi", "Sending");
    public static readonly Loc StateSent = new("Đã gửi", "Sent");
    public static readonly Loc StateFailed = new("Lỗi", "Failed");
    public static readonly Loc StateBlocked = new("Đã chặn bot", "Blocked");
    public static readonly Loc StateSkipped = new("Bỏ qua", "Skipped");

    /// <summary>The label of <see cref="Delivery.CampaignService.StatusOf"/>'s word.</summary>
    public static Loc StatusText(string status) => status switch
    {
        "awaiting-approval" => StatusAwaiting,
        "scheduled" => StatusScheduled,
        "sending" => StatusSending,
        "cancelled" => StatusCancelled,
        _ => StatusCompleted,
    };

    /// <summary>The label of a ledger row's state.</summary>
    public static Loc StateText(string state) => state switch
    {
        "Pending" => StatePending,
        "Sending" => StateSending,
        "Sent" => StateSent,
        "Failed" => StateFailed,
        "Blocked" => StateBlocked,
        _ => StateSkipped,
    };
}
