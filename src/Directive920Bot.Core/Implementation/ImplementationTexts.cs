using Directive920Bot.Localization;

namespace Directive920Bot.Implementation;

internal static class ImplementationTexts
{
    public static readonly Loc NoUnit = new(
        "Đồng chí chưa được phân quyền quản trị một đơn vị báo cáo kết quả thực hiện.",
        "You do not administer a unit that reports on implementation.");
    public static readonly Loc RegisterFirst = new(
        "Đồng chí vui lòng đăng ký (/start) trước khi báo cáo kết quả thực hiện.",
        "Please register (/start) before reporting on implementation.");
    public static readonly Loc ChooseUnit = new("Đồng chí chọn đơn vị báo cáo:", "Choose the unit to report for:");
    public static readonly Loc Intro = new(
        "<b>Báo cáo kết quả thực hiện Thông báo số 920-TB/TU</b>\nĐơn vị: {0}\nKỳ báo cáo: {1} (hạn báo cáo: {2})\nCó {3} nội dung cần báo cáo; mỗi nội dung một tin nhắn.",
        "<b>Report on carrying out Notice 920-TB/TU</b>\nUnit: {0}\nPeriod: {1} (deadline: {2})\n{3} requirements to report on, one message each.");
    public static readonly Loc LockedPeriod = new(
        "Kỳ báo cáo {0} đã được khóa; số liệu chỉ xem, không sửa được.",
        "The period {0} is locked; its reports can be read but not changed.");
    public static readonly Loc CardText = new(
        "<b>Nội dung {0} ({1}/{2})</b> · {3}\n\nTình trạng: <b>{4}</b>\nViệc đã làm: {5}\nKết quả, số liệu: {6}\nKhó khăn: {7}\nKiến nghị: {8}\nMinh chứng: {9}",
        "<b>Item {0} ({1}/{2})</b> · {3}\n\nStatus: <b>{4}</b>\nWhat was done: {5}\nResults, figures: {6}\nDifficulties: {7}\nProposals: {8}\nEvidence: {9}");
    public static readonly Loc Empty = new("—", "—");
    public static readonly Loc NotStartedButton = new("Chưa triển khai", "Not started");
    public static readonly Loc InProgressButton = new("Đang triển khai", "In progress");
    public static readonly Loc DoneButton = new("Đã hoàn thành", "Completed");
    public static readonly Loc ActionsButton = new("✏️ Việc đã làm", "✏️ What was done");
    public static readonly Loc ResultsButton = new("✏️ Kết quả, số liệu", "✏️ Results, figures");
    public static readonly Loc DifficultiesButton = new("✏️ Khó khăn", "✏️ Difficulties");
    public static readonly Loc ProposalsButton = new("✏️ Kiến nghị", "✏️ Proposals");
    public static readonly Loc EvidenceButton = new("📎 Minh chứng", "📎 Evidence");
    public static readonly Loc NextButton = new("Nội dung tiếp theo ▶", "Next item ▶");
    public static readonly Loc FinishButton = new("Kết thúc", "Finish");
    public static readonly Loc AskActions = new("Đồng chí nhập ngắn gọn việc đơn vị đã làm đối với nội dung {0}:", "Type briefly what the unit did about item {0}:");
    public static readonly Loc AskResults = new("Đồng chí nhập kết quả, số liệu đạt được đối với nội dung {0}:", "Type the results and figures for item {0}:");
    public static readonly Loc AskDifficulties = new("Đồng chí nhập khó khăn, vướng mắc đối với nội dung {0}:", "Type the difficulties met with item {0}:");
    public static readonly Loc AskProposals = new(
        "Đồng chí nhập kiến nghị, đề xuất đối với nội dung {0} (kiến nghị được chuyển đến Đảng ủy Khối):",
        "Type the proposals about item {0} (they go to the Bloc Party Committee):");
    public static readonly Loc AskEvidence = new(
        "Đồng chí gửi tệp minh chứng (PDF, DOCX hoặc ảnh PNG/JPEG, tối đa {0} MB) dưới dạng tệp đính kèm, hoặc nhập đường dẫn (https://…):",
        "Send the evidence file (PDF, DOCX or a PNG/JPEG image, at most {0} MB) as an attachment, or type a link (https://…):");
    public static readonly Loc Saved = new("Đã ghi nhận.", "Saved.");
    public static readonly Loc StatusSaved = new("Đã ghi nhận tình trạng: {0}.", "Status saved: {0}.");
    public static readonly Loc TextOnly = new("Đồng chí vui lòng nhập nội dung bằng chữ.", "Please type the text.");
    public static readonly Loc TooLong = new("Nội dung dài quá {0} ký tự; đồng chí vui lòng rút gọn.", "The text is longer than {0} characters; please shorten it.");
    public static readonly Loc BadLink = new(
        "Đường dẫn chưa hợp lệ; đồng chí nhập địa chỉ bắt đầu bằng https:// hoặc gửi tệp đính kèm.",
        "That is not a valid link; type an address starting with https:// or send a file.");
    public static readonly Loc BadFile = new(
        "Tệp không được chấp nhận: chỉ nhận PDF, DOCX, ảnh PNG hoặc JPEG, tối đa {0} MB.",
        "The file was not accepted: only PDF, DOCX, PNG or JPEG images, at most {0} MB.");
    public static readonly Loc EvidenceSaved = new("Đã lưu minh chứng “{0}”.", "Evidence “{0}” saved.");
    public static readonly Loc Finished = new(
        "Đã kết thúc. Đơn vị có thể bổ sung, sửa báo cáo bằng lệnh /thuchien cho đến khi kỳ báo cáo được khóa.",
        "Done. The unit can add to or correct the report with /thuchien until the period is locked.");
    public static readonly Loc LastItem = new("Đây là nội dung cuối cùng của kỳ báo cáo.", "This is the last item of the period.");
    public static readonly Loc OutOfScope = new("Đồng chí không còn quyền báo cáo cho đơn vị này.", "You no longer may report for this unit.");
    public static readonly Loc Reminder = new(
        "⏰ <b>Nhắc báo cáo kết quả thực hiện Thông báo số 920-TB/TU</b>\nĐơn vị {0} chưa báo cáo kỳ {1}; hạn báo cáo: {2}. Đồng chí báo cáo bằng lệnh /thuchien.",
        "⏰ <b>Reminder: report on carrying out Notice 920-TB/TU</b>\nThe unit {0} has not reported for {1}; deadline: {2}. Report with /thuchien.");
    public static readonly Loc Digest = new(
        "📋 <b>Các đơn vị chưa báo cáo kết quả thực hiện kỳ {0}</b> (hạn {1}): {2} trên tổng số {3} đơn vị",
        "📋 <b>Units that have not reported for {0}</b> (deadline {1}): {2} of {3} units");
}
