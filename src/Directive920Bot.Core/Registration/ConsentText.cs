using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Directive920Bot.Content;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Registration;

/// <summary>
/// The consent text, generated from the configuration: the controller and its contact (<see cref="PrivacyOptions"/>)
/// and the retention periods (<see cref="RetentionOptions"/>) are the ones the service applies, never restated by hand.
/// It covers what the personal data law asks of valid consent: who processes what, why, who sees it, for how long,
/// where (Telegram, outside Vietnam), and how to withdraw and complain. Its version changes with its wording.
/// </summary>
public sealed class ConsentText(IOptions<PrivacyOptions> privacy, IOptions<RetentionOptions> retention)
{
    private string? version;

    /// <summary><c>Privacy:ConsentVersion</c>, or a hash of both languages' text.</summary>
    public string Version => version ??= string.IsNullOrWhiteSpace(privacy.Value.ConsentVersion)
        ? "sha-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Body("vi") + "\n" + Body("en"))))[..12]
        : privacy.Value.ConsentVersion.Trim();

    /// <summary>The welcome with the consent question (HTML).</summary>
    public string Welcome(string language) => language == "en"
        ? "<b>Welcome to the Notice 920-TB/TU assistant</b>\n\n" + Body(language) + "\n\nNothing has been stored yet. Do you agree that your data is processed as described above?"
        : "<b>Chào mừng đồng chí đến với Trợ lý Thông báo 920-TB/TU</b>\n\n" + Body(language) + "\n\nChưa có thông tin nào được lưu. Đồng chí có đồng ý để dữ liệu của mình được xử lý như trên không?";

    /// <summary>Asked of a registered person when the text changed since they agreed.</summary>
    public string Changed(string language) => language == "en"
        ? "<b>The terms on your personal data have changed.</b> Please read them and agree again to keep using the bot.\n\n" + Body(language)
        : "<b>Nội dung về xử lý dữ liệu cá nhân đã thay đổi.</b> Đề nghị đồng chí đọc và đồng ý lại để tiếp tục sử dụng bot.\n\n" + Body(language);

    /// <summary>The retention periods, one line each, as the consent text states them.</summary>
    public string Periods(string language)
    {
        var o = retention.Value;
        string P(RetentionKind kind) => Duration(o.Period(kind), language);
        return language == "en"
            ? $"unfinished registrations {P(RetentionKind.AbandonedRegistrations)}; after /stop {P(RetentionKind.StoppedSubscribers)}; after blocking the bot {P(RetentionKind.BlockedSubscribers)} — then everything is erased as with /delete; feedback {P(RetentionKind.Feedback)}; the admin audit log {P(RetentionKind.Audit)}; button keys {P(RetentionKind.CallbackKeys)}; the record of messages sent {P(RetentionKind.Ledger)}; confirmations {P(RetentionKind.Acknowledgements)}; quiz answers {P(RetentionKind.Answers)}; roster lines a unit has retired {P(RetentionKind.RetiredRosterEntries)}. Everything else is kept while you are registered and erased by /delete; reports keep counts only."
            : $"đăng ký chưa hoàn tất {P(RetentionKind.AbandonedRegistrations)}; sau khi /ngungnhan {P(RetentionKind.StoppedSubscribers)}; sau khi chặn bot {P(RetentionKind.BlockedSubscribers)} — sau đó toàn bộ bị xóa như khi dùng /xoa; góp ý {P(RetentionKind.Feedback)}; nhật ký quản trị {P(RetentionKind.Audit)}; mã nút bấm {P(RetentionKind.CallbackKeys)}; nhật ký tin đã gửi {P(RetentionKind.Ledger)}; xác nhận đã đọc {P(RetentionKind.Acknowledgements)}; câu trả lời trắc nghiệm {P(RetentionKind.Answers)}; dòng danh sách đơn vị đã thôi dùng {P(RetentionKind.RetiredRosterEntries)}. Các dữ liệu khác được giữ khi đồng chí còn đăng ký và bị xóa khi dùng /xoa; báo cáo chỉ giữ số liệu tổng hợp.";
    }

    private string Body(string language)
    {
        var p = privacy.Value;
        var controller = TelegramHtml.Escape(p.Controller);
        var contact = TelegramHtml.Escape(p.Contact);
        var complaints = TelegramHtml.Escape(string.IsNullOrWhiteSpace(p.Complaints) ? p.Contact : p.Complaints);
        return language == "en"
            ? $"""
              This bot helps cadres, civil servants and public employees of the provincial agencies bloc learn Notice No. 920-TB/TU of the Standing Committee of the Nghệ An Provincial Party Committee through short lessons, confirm that they have read it and commit to it, and answer review questions.

              <b>Controller:</b> {controller} (contact: {contact}).
              <b>Purpose:</b> so that your agency or unit can follow up, compile and report on how the notice is disseminated and carried out.
              <b>Data kept:</b> your full name, unit, role (leader, or cadre/civil servant/public employee), Telegram user id and language; when lessons were sent to you and confirmed, your quiz answers, the feedback you send with your name, and the personal commitments you choose to register (/commitment) with your own assessment of them.
              <b>Who sees it:</b> the leaders and administrators of your unit (and the bloc's propaganda staff) see each person's status: received, confirmed, quiz results. Your commitments and their assessments are seen by your unit's leaders only. Reports to others (the bloc included) hold counts only.
              <b>How long:</b> {Periods(language)}
              <b>Where:</b> messages travel through Telegram, whose servers process them outside Vietnam.
              <b>Your rights:</b> see and correct your data (/profile), download it (/mydata), withdraw your consent at any time — /stop ends messages, /delete erases your personal data. Complaints: {complaints}.
              """
            : $"""
              Bot giúp cán bộ, công chức, viên chức Khối các cơ quan tỉnh tìm hiểu Thông báo số 920-TB/TU của Ban Thường vụ Tỉnh ủy Nghệ An qua các bài ngắn, xác nhận đã đọc và cam kết thực hiện, trả lời câu hỏi ôn tập.

              <b>Bên kiểm soát dữ liệu:</b> {controller} (liên hệ: {contact}).
              <b>Mục đích xử lý:</b> để cơ quan, đơn vị của đồng chí đôn đốc, tổng hợp và báo cáo việc quán triệt, thực hiện Thông báo.
              <b>Dữ liệu được lưu:</b> họ và tên, đơn vị, vai trò (lãnh đạo hoặc cán bộ, công chức, viên chức), mã người dùng Telegram và ngôn ngữ; thời điểm nhận, xác nhận bài, kết quả trả lời câu hỏi, góp ý gửi kèm tên và bản đăng ký cam kết cá nhân (nếu đồng chí đăng ký bằng /camket) cùng kết quả tự đánh giá.
              <b>Ai được xem:</b> lãnh đạo, quản trị viên đơn vị của đồng chí (và cán bộ tuyên giáo của Khối) xem tình trạng của từng người: đã nhận, đã xác nhận, kết quả câu hỏi. Nội dung cam kết và tự đánh giá chỉ lãnh đạo đơn vị của đồng chí được xem. Báo cáo gửi nơi khác (kể cả Đảng ủy Khối) chỉ có số liệu tổng hợp.
              <b>Thời gian lưu:</b> {Periods(language)}
              <b>Nơi xử lý:</b> tin nhắn đi qua Telegram, được xử lý trên máy chủ của Telegram ở ngoài Việt Nam.
              <b>Quyền của đồng chí:</b> xem và sửa thông tin (/hoso), tải dữ liệu của mình (/dulieu), rút lại sự đồng ý bất cứ lúc nào — /ngungnhan để ngừng nhận tin, /xoa để xóa dữ liệu cá nhân. Khiếu nại: {complaints}.
              """;
    }

    private static string Duration(TimeSpan period, string language)
    {
        var inv = CultureInfo.InvariantCulture;
        if (period.TotalDays >= 1 && period.Ticks % TimeSpan.TicksPerDay == 0)
        {
            var days = (long)period.TotalDays;
            return language == "en" ? string.Create(inv, $"{days} day{(days == 1 ? "" : "s")}") : string.Create(inv, $"{days} ngày");
        }

        var hours = (long)Math.Ceiling(period.TotalHours);
        return language == "en" ? string.Create(inv, $"{hours} hours") : string.Create(inv, $"{hours} giờ");
    }
}
