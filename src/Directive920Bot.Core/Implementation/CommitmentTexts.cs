using Directive920Bot.Localization;

namespace Directive920Bot.Implementation;

internal static class CommitmentTexts
{
    public static readonly Loc RegisterFirst = new(
        "Đồng chí vui lòng đăng ký (/start) trước khi đăng ký cam kết.",
        "Please register (/start) before registering commitments.");
    public static readonly Loc Title = new(
        "<b>Bản đăng ký cam kết thực hiện Thông báo số 920-TB/TU năm {0}</b>\nMỗi nội dung S1–S3 đồng chí có thể đăng ký một cam kết ngắn (không bắt buộc, tối đa {1} ký tự). Giữa năm và cuối năm bot sẽ nhắc đồng chí tự đánh giá.",
        "<b>My commitments on Notice 920-TB/TU for {0}</b>\nFor each of S1–S3 you may register one short commitment (optional, at most {1} characters). At mid-year and year-end the bot asks you to assess yourself.");
    public static readonly Loc Line = new("<b>{0}</b> · {1}\nCam kết: {2}", "<b>{0}</b> · {1}\nCommitment: {2}");
    public static readonly Loc Assessed = new("Tự đánh giá {0}: {1}", "Self-assessment ({0}): {1}");
    public static readonly Loc None = new("— (chưa đăng ký)", "— (none)");
    public static readonly Loc EditButton = new("✏️ {0}", "✏️ {0}");
    public static readonly Loc ClearButton = new("🗑 Xóa {0}", "🗑 Clear {0}");
    public static readonly Loc UnitButton = new("📋 Cam kết của đơn vị", "📋 My unit's commitments");
    public static readonly Loc Ask = new(
        "Đồng chí nhập nội dung cam kết của mình đối với yêu cầu {0} (tối đa {1} ký tự, vài dòng):",
        "Type your commitment on item {0}, starting with “I commit to …” (at most {1} characters, a few lines):");
    public static readonly Loc Saved = new("Đã ghi nhận cam kết.", "Commitment saved.");
    public static readonly Loc Cleared = new("Đã xóa cam kết.", "Commitment cleared.");
    public static readonly Loc TooLong = new(
        "Cam kết dài quá {0} ký tự hoặc quá 6 dòng; đồng chí vui lòng rút gọn.",
        "The commitment is longer than {0} characters or 6 lines; please shorten it.");
    public static readonly Loc TextOnly = new("Đồng chí vui lòng nhập cam kết bằng chữ.", "Please type the commitment.");
    public static readonly Loc AssessSaved = new("Đã ghi nhận tự đánh giá: {0}.", "Self-assessment saved: {0}.");
    public static readonly Loc RoundClosed = new("Chưa đến hoặc đã hết thời gian tự đánh giá này.", "This self-assessment is not open.");
    public static readonly Loc DoneButton = new("{0}: ✅ Đã thực hiện", "{0}: ✅ Done");
    public static readonly Loc PartlyButton = new("{0}: ◐ Một phần", "{0}: ◐ Partly");
    public static readonly Loc NotYetButton = new("{0}: ✖ Chưa", "{0}: ✖ Not yet");
    public static readonly Loc Reminder = new(
        "🔔 <b>Tự đánh giá việc thực hiện cam kết {0} năm {1}</b>\nĐồng chí đã đăng ký cam kết thực hiện Thông báo số 920-TB/TU:\n{2}\n\nĐồng chí tự đánh giá từng cam kết bằng các nút dưới đây (đã thực hiện / một phần / chưa).",
        "🔔 <b>{0} self-assessment of your {1} commitments</b>\nYou committed to carrying out Notice 920-TB/TU:\n{2}\n\nAssess each commitment with the buttons below (done / partly / not yet).");
    public static readonly Loc UnitTitle = new(
        "<b>Cam kết của cán bộ đơn vị năm {0}</b> ({1} người đăng ký)",
        "<b>Commitments of the unit's cadres, {0}</b> ({1} people)");
    public static readonly Loc UnitEmpty = new("Chưa có cán bộ nào của đơn vị đăng ký cam kết năm {0}.", "No cadre of the unit has registered commitments for {0}.");
    public static readonly Loc BlocTitle = new(
        "<b>Cam kết của cán bộ năm {0}</b> (số lượng; nội dung cam kết do đơn vị quản lý)",
        "<b>Cadres' commitments, {0}</b> (counts; the texts stay with the units)");
    public static readonly Loc BlocLine = new(
        "• {0}: {1} người đăng ký; giữa năm: {2} đã thực hiện, {3} một phần, {4} chưa; cuối năm: {5} đã thực hiện, {6} một phần, {7} chưa",
        "• {0}: {1} committed; mid-year: {2} done, {3} partly, {4} not yet; year-end: {5} done, {6} partly, {7} not yet");
    public static readonly Loc OutOfScope = new("Đồng chí không có quyền xem cam kết của đơn vị.", "You may not see the unit's commitments.");
    public static readonly Loc ProgressTitle = new("<b>Cam kết năm {0}</b> (/camket)", "<b>Commitments {0}</b> (/commitment)");
}
