using Directive920Bot.Localization;

namespace Directive920Bot.WebConsole;

/// <summary>The labels of the Nội dung, Ý kiến and role pages (kept apart from <see cref="ConsoleTexts"/>, Vietnamese first).</summary>
public static class ConsoleDeskTexts
{
    // Ý kiến / Feedback
    public static readonly Loc FeedbackTitle = new("Ý kiến", "Feedback");
    public static readonly Loc FeedbackHelp = new(
        "Ý kiến, kiến nghị của cán bộ và đơn vị, cùng các câu hỏi “hỏi – đáp” mà nội dung học chưa trả lời được. Ý kiến ẩn danh không bao giờ hiện tên người gửi.",
        "Feedback and proposals from cadres and units, and the “ask the notice” questions the course could not answer. Anonymous feedback never shows who sent it.");
    public static readonly Loc FeedbackKindLabel = new("Loại", "Kind");
    public static readonly Loc FeedbackKindFeedback = new("Ý kiến", "Feedback");
    public static readonly Loc FeedbackKindQuestion = new("Câu hỏi chưa có trả lời", "Unanswered question");
    public static readonly Loc FeedbackAll = new("Tất cả", "All");
    public static readonly Loc FeedbackAllUnits = new("Mọi đơn vị trong phạm vi", "Every unit in scope");
    public static readonly Loc FeedbackHandledLabel = new("Xử lý", "Handled");
    public static readonly Loc FeedbackHandledYes = new("Đã xử lý", "Handled");
    public static readonly Loc FeedbackHandledNo = new("Chưa xử lý", "Not handled");
    public static readonly Loc FeedbackHandledOn = new("Đã xử lý ngày {0}", "Handled on {0}");
    public static readonly Loc FeedbackMark = new("Đánh dấu đã xử lý", "Mark handled");
    public static readonly Loc FeedbackMarked = new("Đã đánh dấu đã xử lý.", "Marked handled.");
    public static readonly Loc FeedbackAlreadyMarked = new("Mục này đã được đánh dấu đã xử lý từ trước; không có gì thay đổi.", "This item was already marked handled; nothing changed.");
    public static readonly Loc FeedbackNotFound = new(
        "Không tìm thấy ý kiến hoặc câu hỏi này trong phạm vi quản trị của đồng chí. Quay lại trang Ý kiến.",
        "No such feedback or question within your scope. Go back to Feedback.");
    public static readonly Loc FeedbackAnonymous = new("Ẩn danh", "Anonymous");
    public static readonly Loc FeedbackSender = new("Người gửi", "From");
    public static readonly Loc FeedbackText = new("Nội dung ý kiến", "Text");
    public static readonly Loc FeedbackDay = new("Ngày", "Date");
    public static readonly Loc FeedbackProposal = new("Kiến nghị của đơn vị ({0})", "Unit's proposal ({0})");
    public static readonly Loc FeedbackForwarded = new("cán bộ đề nghị trả lời", "the cadre asked for an answer");
    public static readonly Loc FeedbackExport = new("Xuất danh sách đang lọc", "Export the filtered list");
    public static readonly Loc FeedbackPages = new("Các trang ý kiến", "Feedback pages");
    public static readonly Loc FeedbackCount = new("{0} mục", "{0} items");
    public static readonly Loc FeedbackBadKind = new(
        "Bộ lọc không đúng: loại là “feedback” hoặc “question”, xử lý là “yes” hoặc “no”. Quay lại trang Ý kiến.",
        "A filter is not valid: the kind is “feedback” or “question”, handled is “yes” or “no”. Go back to Feedback.");

    // Nội dung / Content
    public static readonly Loc ContentTitle = new("Nội dung", "Content");
    public static readonly Loc ContentCoverage = new("Độ bao phủ theo nội dung của Thông báo", "Coverage by item of the notice");
    public static readonly Loc ContentClause = new("Nội dung", "Item");
    public static readonly Loc ContentClauseTitle = new("Tiêu đề", "Title");
    public static readonly Loc ContentLessons = new("Bài học, thẻ, thông báo", "Lessons, cards, announcements");
    public static readonly Loc ContentQuestions = new("Câu hỏi", "Questions");
    public static readonly Loc ContentUncovered = new("chưa có bài", "no lesson yet");
    public static readonly Loc ContentCatalogue = new("Danh mục bài", "Catalogue");
    public static readonly Loc ContentId = new("Mã", "Id");
    public static readonly Loc ContentKind = new("Loại", "Kind");
    public static readonly Loc ContentAudience = new("Đối tượng", "Audience");
    public static readonly Loc ContentMinutes = new("Phút đọc", "Minutes");
    public static readonly Loc ContentPreview = new("Xem trước", "Preview");
    public static readonly Loc ContentPreviewOf = new("Xem trước: {0}", "Preview: {0}");
    public static readonly Loc ContentNoItem = new("Không có bài này trong danh mục. Quay lại trang Nội dung.", "No such item in the catalogue. Go back to Content.");
    public static readonly Loc ContentValidation = new("Kiểm tra nội dung", "Validation");
    public static readonly Loc ContentValid = new("Nội dung đang dùng hợp lệ: {0} bài, {1} cảnh báo.", "The content in use is valid: {0} items, {1} warnings.");
    public static readonly Loc ContentOnDisk = new(
        "Thư mục nội dung trên máy chủ hiện có {0} lỗi (nội dung đang dùng không đổi cho đến khi sửa xong và tải lại):",
        "The content folder on the server now has {0} errors (the content in use stays until they are fixed and it is reloaded):");
    public static readonly Loc ContentReload = new("Tải lại nội dung", "Reload content");
    public static readonly Loc ContentReloadHelp = new(
        "Đọc lại thư mục nội dung trên máy chủ. Nếu có lỗi, nội dung cũ được giữ nguyên và các lỗi được liệt kê.",
        "Reads the content folder on the server again. If it has errors, the old content stays and the errors are listed.");
    public static readonly Loc ContentReloaded = new("Đã tải lại nội dung: {0} bài.", "Content reloaded: {0} items.");
    public static readonly Loc ContentReloadRefused = new(
        "Không tải lại: thư mục nội dung có lỗi, nội dung cũ được giữ nguyên. Sửa các dòng sau rồi tải lại:",
        "Not reloaded: the content folder has errors and the old content stays. Fix these lines and reload:");
    public static readonly Loc ContentAnalysis = new("Phân tích câu hỏi", "Quiz item analysis");
    public static readonly Loc ContentAnalysisHelp = new(
        "Toàn Khối, theo lượt trả lời đầu tiên của mỗi cán bộ. Câu có dưới {0} lượt trả lời chưa được đánh giá.",
        "Whole bloc, first answers of each cadre. Questions with fewer than {0} answers are not judged.");
    public static readonly Loc ContentAnswered = new("Lượt trả lời", "Answers");
    public static readonly Loc ContentRight = new("Trả lời đúng", "Right");
    public static readonly Loc ContentShares = new("Tỷ lệ chọn từng phương án", "Share choosing each option");
    public static readonly Loc ContentVerdict = new("Đánh giá", "Verdict");
    public static readonly Loc VerdictFew = new("Chưa đủ lượt trả lời", "Too few answers");
    public static readonly Loc VerdictEasy = new("Gần như ai cũng đúng: có thể nâng độ khó", "Nearly everyone right: could be harder");
    public static readonly Loc VerdictHard = new("Đa số sai: cần quán triệt thêm", "Most wrong: the lesson needs more work");
    public static readonly Loc VerdictNone = new("Bình thường", "Normal");
    public static readonly Loc ContentCorrect = new("đúng", "right");
    public static readonly Loc ContentQuiz = new("Câu hỏi kèm bài", "The item's questions");

    // Người dùng / People: roles
    public static readonly Loc RoleChange = new("Cấp hoặc thu hồi quyền quản trị", "Grant or revoke an admin role");
    public static readonly Loc RoleHelp = new(
        "Như lệnh /capquyen và /thuhoiquyen của bot: chỉ quản trị Khối được cấp hoặc thu hồi quyền; quyền quản trị đơn vị cần mã đơn vị. Mỗi thay đổi được ghi nhật ký.",
        "As the bot's /grant and /revoke: only bloc admins grant or revoke roles; a unit admin role needs a unit code. Every change is audited.");
    public static readonly Loc RoleUser = new("Mã người dùng (Telegram)", "User id (Telegram)");
    public static readonly Loc RoleKind = new("Quyền", "Role");
    public static readonly Loc RoleBloc = new("Quản trị Khối", "Bloc admin");
    public static readonly Loc RoleUnit = new("Quản trị đơn vị", "Unit admin");
    public static readonly Loc RoleUnitCode = new("Mã đơn vị (với quản trị đơn vị)", "Unit code (for a unit admin)");
    public static readonly Loc RoleGrant = new("Cấp quyền", "Grant");
    public static readonly Loc RoleRevoke = new("Thu hồi quyền", "Revoke");
    public static readonly Loc RoleGranted = new("Đã cấp quyền {0} cho người dùng {1}.", "Granted {0} to user {1}.");
    public static readonly Loc RoleRevoked = new("Đã thu hồi quyền {0} của người dùng {1}.", "Revoked {0} from user {1}.");
    public static readonly Loc RoleAlreadyHeld = new("Người dùng {1} đã có quyền {0}; không có gì thay đổi.", "User {1} already holds {0}; nothing changed.");
    public static readonly Loc RoleNotHeld = new("Người dùng {1} không có quyền {0}; không có gì thay đổi.", "User {1} does not hold {0}; nothing changed.");
    public static readonly Loc RoleUnknownUnit = new("Không có đơn vị mã “{0}”. Kiểm tra mã trên trang Đơn vị rồi gửi lại.", "There is no unit “{0}”. Check the code on the Units page and send it again.");
    public static readonly Loc RoleBadForm = new(
        "Chưa đủ thông tin: nhập mã người dùng là một số dương, chọn quyền, và với quản trị đơn vị thì nhập mã đơn vị.",
        "Something is missing: the user id is a positive number, pick a role, and a unit admin role needs a unit code.");
    public static readonly Loc RoleBlocOnly = new(
        "Chỉ quản trị Khối được cấp hoặc thu hồi quyền quản trị (như trong bot). Đề nghị liên hệ Ban Tuyên giáo Đảng ủy Khối.",
        "Only bloc admins grant or revoke admin roles (as in the bot). Please contact the bloc's propaganda staff.");
}
