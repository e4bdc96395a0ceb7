using Directive920Bot.Localization;

namespace Directive920Bot.Registration;

internal static class RegistrationTexts
{
    // The welcome and consent text is generated from the configuration: see ConsentText.

    public static readonly Loc RightsMeanwhile = new(
        "Trong khi chờ trả lời, đồng chí vẫn dùng được /dulieu, /ngungnhan và /xoa.",
        "Until you answer, /mydata, /stop and /delete still work.");

    public static readonly Loc VoteHeld = new(
        "Câu trả lời trắc nghiệm vừa rồi chưa được ghi nhận: nội dung đồng ý xử lý dữ liệu cá nhân đã thay đổi. Nếu đồng chí đồng ý, câu hỏi sẽ được gửi lại để trả lời.",
        "Your quiz answer was not recorded: the terms of consent to personal data processing have changed. If you agree, the question is sent to you again.");

    public static readonly Loc ConsentRenewed = new(
        "Đã ghi nhận sự đồng ý của đồng chí với nội dung mới. Đồng chí tiếp tục sử dụng bot như trước.",
        "Your consent to the new terms is recorded. You can go on using the bot as before.");

    public static readonly Loc ConsentDeclined = new(
        "Đã ghi nhận: đồng chí không đồng ý với nội dung mới, nên bot ngừng gửi tin cho đồng chí. Dữ liệu hiện có được giữ đến khi đồng chí dùng /xoa; gõ /start nếu muốn đồng ý sau này.",
        "Noted: you do not agree to the new terms, so the bot stops sending you messages. Your existing data is kept until you use /delete; type /start if you want to agree later.");

    public static readonly Loc ConsentUpToDate = new(
        "Sự đồng ý của đồng chí đã được ghi nhận trước đó.",
        "Your answer was already recorded.");

    public static readonly Loc Agree = new("✅ Đồng ý", "✅ I agree");
    public static readonly Loc Disagree = new("Không đồng ý", "I do not agree");
    public static readonly Loc SwitchLanguage = new("🇬🇧 English", "🇻🇳 Tiếng Việt");

    public static readonly Loc Refused = new(
        "Đồng chí đã không đồng ý nên bot không lưu bất kỳ thông tin nào. Khi muốn đăng ký, đồng chí gõ /start.",
        "You did not agree, so nothing was stored. Type /start whenever you want to register.");

    public static readonly Loc AskName = new(
        "Cảm ơn đồng chí. Xin cho biết <b>họ và tên đầy đủ</b> (ví dụ: Nguyễn Văn An).",
        "Thank you. Please type your <b>full name</b> (for example: Nguyễn Văn An).");

    public static readonly Loc BadName = new(
        "Họ và tên chưa hợp lệ: cần từ 2 đến 6 từ, chỉ gồm chữ cái (có dấu), dài 4–80 ký tự, không có chữ số hay ký hiệu. Đồng chí vui lòng nhập lại.",
        "That name is not valid: it needs 2 to 6 words of letters only (diacritics welcome), 4–80 characters, no digits or symbols. Please type it again.");

    public static readonly Loc AskUnit = new(
        "Đồng chí công tác ở <b>đơn vị</b> nào? Chọn trong danh sách hoặc gõ vài chữ của tên đơn vị để tìm.",
        "Which <b>unit</b> do you work in? Choose from the list or type part of its name to search.");

    public static readonly Loc UnitFromInvite = new(
        "Đơn vị của đồng chí (theo đường dẫn mời): <b>{0}</b>.",
        "Your unit (from the invitation link): <b>{0}</b>.");

    public static readonly Loc NoUnitFound = new(
        "Không tìm thấy đơn vị nào khớp với “{0}”. Đồng chí gõ lại (có thể gõ không dấu) hoặc chọn trong danh sách.",
        "No unit matches “{0}”. Type again (diacritics are optional) or choose from the list.");

    public static readonly Loc UnitMatches = new(
        "Các đơn vị khớp với “{0}”:",
        "Units matching “{0}”:");

    public static readonly Loc NoUnitsYet = new(
        "Danh sách đơn vị chưa được nạp. Đồng chí vui lòng liên hệ bộ phận tuyên giáo của đơn vị và thử lại sau.",
        "The list of units has not been loaded yet. Please contact your unit's propaganda staff and try again later.");

    public static readonly Loc ChooseUnitWithButtons = new(
        "Đồng chí vui lòng chọn đơn vị bằng các nút, hoặc gõ tên đơn vị để tìm.",
        "Please choose your unit with the buttons, or type its name to search.");

    public static readonly Loc Previous = new("◀ Trước", "◀ Previous");
    public static readonly Loc Next = new("Sau ▶", "Next ▶");

    public static readonly Loc AskRole = new(
        "Vai trò của đồng chí là gì?",
        "What is your role?");

    public static readonly Loc RoleLeader = new("Lãnh đạo cơ quan, đơn vị, cấp ủy", "Leader of an agency, unit or party committee");
    public static readonly Loc RoleStaff = new("Cán bộ, công chức, viên chức", "Cadre, civil servant, public employee");

    public static readonly Loc ChooseRoleWithButtons = new(
        "Đồng chí vui lòng chọn vai trò bằng một trong hai nút bên dưới.",
        "Please choose your role with one of the two buttons below.");

    public static readonly Loc Summary = new(
        "<b>Xin đồng chí kiểm tra lại thông tin:</b>\nHọ và tên: {0}\nĐơn vị: {1}\nVai trò: {2}",
        "<b>Please check your details:</b>\nFull name: {0}\nUnit: {1}\nRole: {2}");

    public static readonly Loc Confirm = new("✅ Xác nhận", "✅ Confirm");
    public static readonly Loc EditName = new("✏️ Sửa họ tên", "✏️ Edit name");
    public static readonly Loc EditUnit = new("✏️ Sửa đơn vị", "✏️ Edit unit");
    public static readonly Loc EditRole = new("✏️ Sửa vai trò", "✏️ Edit role");
    public static readonly Loc ChangeLanguage = new("🌐 Ngôn ngữ", "🌐 Language");

    public static readonly Loc ConfirmWithButtons = new(
        "Đồng chí vui lòng bấm “Xác nhận” nếu thông tin đúng, hoặc chọn mục cần sửa.",
        "Please press “Confirm” if the details are right, or choose what to edit.");

    public static readonly Loc Registered = new(
        "✅ Đăng ký thành công. Bot sẽ gửi đồng chí lần lượt các bài ngắn về Thông báo 920-TB/TU vào giờ làm việc. Sau mỗi bài, đồng chí bấm “Đã đọc và cam kết thực hiện”.\n\nGõ /trogiup để xem các lệnh.",
        "✅ You are registered. The bot will send you short lessons on Notice 920-TB/TU one by one during working hours. After each lesson, press “I have read it and commit to it”.\n\nType /help to see the commands.");

    public static readonly Loc AlreadyRegistered = new(
        "Đồng chí đã đăng ký rồi. Gõ /hoso để xem thông tin hoặc /trogiup để xem các lệnh.",
        "You are already registered. Type /profile to see your details or /help for the commands.");

    public static readonly Loc Resubscribed = new(
        "Đồng chí đã đăng ký nhận tin trở lại. Chào mừng đồng chí quay lại!",
        "You are subscribed again. Welcome back!");

    public static readonly Loc ContinueRegistration = new(
        "Đồng chí đang đăng ký dở. Mời đồng chí tiếp tục các bước dưới đây.",
        "Your registration is not finished yet. Please continue with the steps below.");

    public static readonly Loc Profile = new(
        "<b>Thông tin của đồng chí</b>\nHọ và tên: {0}\nĐơn vị: {1}\nVai trò: {2}\nNgôn ngữ: Tiếng Việt\nTrạng thái: {3}\nĐồng ý xử lý dữ liệu lúc: {4}",
        "<b>Your details</b>\nFull name: {0}\nUnit: {1}\nRole: {2}\nLanguage: English\nStatus: {3}\nConsent given at: {4}");

    public static readonly Loc StatusActive = new("đang nhận tin", "receiving messages");
    public static readonly Loc StatusPaused = new("tạm dừng nhận bài (/tieptuc để tiếp tục)", "lessons paused (/resume to continue)");
    public static readonly Loc StatusStopped = new("đã ngừng nhận tin (/start để nhận lại)", "unsubscribed (/start to subscribe again)");
    public static readonly Loc StatusBlocked = new("bot bị chặn", "bot blocked");

    public static readonly Loc Saved = new("Đã lưu thay đổi.", "Your change is saved.");

    public static readonly Loc ChooseLanguage = new("Chọn ngôn ngữ / Choose your language:", "Choose your language / Chọn ngôn ngữ:");
    public static readonly Loc LanguageSet = new("Đã chuyển sang Tiếng Việt.", "Switched to English.");

    public static readonly Loc Stopped = new(
        "Đồng chí đã ngừng nhận tin. Dữ liệu vẫn được giữ để đơn vị tổng hợp báo cáo cho đến khi đồng chí yêu cầu xóa (/xoa). Gõ /start để nhận tin trở lại.",
        "You will receive no more messages. Your data is kept for your unit's reports until you ask for deletion (/delete). Type /start to subscribe again.");

    public static readonly Loc AlreadyStopped = new(
        "Đồng chí đã ngừng nhận tin từ trước. Gõ /start để nhận tin trở lại.",
        "You had already unsubscribed. Type /start to subscribe again.");

    public static readonly Loc DeleteAsk = new(
        """
        Đồng chí có chắc muốn <b>xóa dữ liệu cá nhân</b>? Sẽ bị xóa: họ tên, mã Telegram, vai trò quản trị, góp ý gửi kèm tên, các nút bấm; mã Telegram của đồng chí được gỡ khỏi nhật ký quản trị.
        <b>Vẫn còn lại:</b> dòng của đồng chí trong danh sách cán bộ do đơn vị quản lý (nếu đơn vị đã nhập), được gỡ liên kết với tài khoản Telegram; các số liệu ẩn danh của đơn vị (số bài đã gửi, đã xác nhận, kết quả câu hỏi — không gắn với tên hay mã Telegram); góp ý ẩn danh (vốn không gắn với ai).
        Việc này không thể hoàn tác.
        """,
        """
        Are you sure you want to <b>delete your personal data</b>? Deleted: your name, Telegram id, admin roles, feedback sent with your name, your buttons; your Telegram id is taken out of the admin audit log.
        <b>What stays:</b> your line in the staff roster your unit keeps (if your unit imported one), unlinked from your Telegram account; your unit's anonymous counts (lessons sent, confirmed, quiz results — tied to no name or Telegram id); anonymous feedback (never tied to anyone).
        This cannot be undone.
        """);

    public static readonly Loc DeleteYes = new("🗑 Xóa dữ liệu cá nhân", "🗑 Delete my data");
    public static readonly Loc DeleteNo = new("Không, giữ lại", "No, keep it");
    public static readonly Loc Deleted = new(
        "Dữ liệu cá nhân của đồng chí đã được xóa. Cảm ơn đồng chí đã tham gia. Gõ /start nếu muốn đăng ký lại.",
        "Your personal data has been deleted. Thank you for taking part. Type /start if you want to register again.");

    public static readonly Loc DeleteCancelled = new("Đã hủy, dữ liệu được giữ nguyên.", "Cancelled; your data is unchanged.");
    public static readonly Loc NothingToDelete = new("Bot không lưu dữ liệu nào của đồng chí.", "The bot holds no data about you.");

    public static readonly Loc MyDataCaption = new("Dữ liệu bot đang lưu về đồng chí (JSON, dạng máy đọc).", "The data the bot holds about you (JSON, for machines).");

    public static readonly Loc MyDataSummaryCaption = new(
        "Tóm tắt dữ liệu bot đang lưu về đồng chí, giải thích từng phần (giờ Việt Nam).",
        "A summary of the data the bot holds about you, each part explained (Vietnam time).");

    public static readonly Loc MyDataSummaryFile = new("du-lieu-ca-nhan.txt", "my-data.txt");

    public static readonly Loc HelpUnregistered = new(
        "<b>Trợ lý Thông báo 920-TB/TU</b>\n/start — đăng ký\n/ngonngu — đổi ngôn ngữ\n/trogiup — trợ giúp",
        "<b>Notice 920-TB/TU assistant</b>\n/start — register\n/language — change language\n/help — help");

    public static readonly Loc HelpCadre = new(
        "<b>Các lệnh của đồng chí</b>\n/baihoc — các bài đã nhận\n/tiendo — kết quả học tập\n/hoi — hỏi về nội dung Thông báo\n/gopy — gửi ý kiến, đề xuất\n/tamdung, /tieptuc — tạm dừng, tiếp tục nhận bài\n/hoso — thông tin cá nhân\n/lienket, /huylienket — liên kết, hủy liên kết tài khoản Telegram và Zalo\n/ngonngu — ngôn ngữ\n/dulieu — tải dữ liệu cá nhân\n/ngungnhan — ngừng nhận tin\n/xoa — xóa dữ liệu cá nhân",
        "<b>Your commands</b>\n/lessons — lessons received\n/progress — my progress\n/ask — ask about the notice\n/feedback — send an opinion or proposal\n/pause, /resume — pause or resume lessons\n/profile — my details\n/link, /unlink — link or unlink your Telegram and Zalo accounts\n/language — language\n/mydata — download my data\n/stop — unsubscribe\n/delete — delete my personal data");

    public static readonly Loc RosterQuestion = new(
        "Danh sách cán bộ của đơn vị có đồng chí <b>{0}</b> ({1}). Đó có phải là đồng chí không?",
        "Your unit's roster lists <b>{0}</b> ({1}). Is that you?");

    public static readonly Loc RosterYes = new("✅ Đúng, chính xác", "✅ Yes, that is me");

    public static readonly Loc RosterNo = new("Không đúng", "Not me");

    public static readonly Loc HelpUnitAdmin = new(
        "\n\n<b>Quản trị đơn vị</b>\n/baocao — báo cáo đơn vị\n/doichieu — đối chiếu danh sách cán bộ với người đã đăng ký\n/nhapdanhsach — nhập danh sách cán bộ (tệp CSV hoặc XLSX)",
        "\n\n<b>Unit admin</b>\n/report — unit report\n/members — check the roster against registered members\n/roster — import the member roster (CSV or XLSX file)");

    public static readonly Loc HelpBlocAdmin = new(
        "\n\n<b>Quản trị Khối</b>\n/baocao — báo cáo\n/guithongbao — gửi tin thông báo, lên lịch bài học\n/chiendich — các chiến dịch\n/capquyen, /thuhoiquyen — cấp, thu hồi quyền quản trị",
        "\n\n<b>Bloc admin</b>\n/report — reports\n/broadcast — send an announcement or schedule a lesson\n/campaigns — campaigns\n/grant, /revoke — grant or revoke admin roles");

    public static string RoleName(CadreRole? role, string language) => role switch
    {
        CadreRole.Leader => RoleLeader.For(language),
        CadreRole.Staff => RoleStaff.For(language),
        _ => "—",
    };
}
