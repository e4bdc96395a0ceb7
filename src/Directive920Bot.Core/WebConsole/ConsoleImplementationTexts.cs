using Directive920Bot.Localization;

namespace Directive920Bot.WebConsole;

/// <summary>The labels of the console's Thực hiện, Cam kết and Báo cáo pages, Vietnamese first.</summary>
public static class ConsoleImplementationTexts
{
    public static readonly Loc Implementation = new("Thực hiện", "Implementation");
    public static readonly Loc Commitments = new("Cam kết", "Commitments");
    public static readonly Loc CommitteeReports = new("Báo cáo", "Reports");

    public static readonly Loc MatrixHeading = new("Kết quả thực hiện theo đơn vị và nội dung — {0}", "Implementation by unit and requirement — {0}");
    public static readonly Loc Period = new("Kỳ báo cáo", "Reporting period");
    public static readonly Loc Branch = new("Khối, đơn vị", "Branch of the unit tree");
    public static readonly Loc WholeScope = new("Tất cả đơn vị được xem", "Every unit in my scope");
    public static readonly Loc Show = new("Xem", "Show");
    public static readonly Loc ExportXlsx = new("Tải bảng tổng hợp (XLSX)", "Download the matrix (XLSX)");
    public static readonly Loc Legend = new("Chú thích: mỗi ô ghi rõ trạng thái bằng chữ; bấm vào ô để xem báo cáo của đơn vị về nội dung đó.",
        "Legend: every cell names its status in words; open a cell to read the unit's report on that requirement.");
    public static readonly Loc NoUnits = new("Không có đơn vị báo cáo trong phạm vi này.", "No reporting unit in this scope.");
    public static readonly Loc Reported = new("{0}/{1} đơn vị đã báo cáo.", "{0} of {1} units have reported.");
    public static readonly Loc PeriodLocked = new("Kỳ này đã khóa: các báo cáo chỉ được xem, không sửa được.", "This period is locked: its reports are read-only.");
    public static readonly Loc PeriodOpen = new("Kỳ này đang mở: đơn vị có thể gửi, sửa báo cáo.", "This period is open: units can send and correct their reports.");
    public static readonly Loc LockButton = new("Khóa kỳ báo cáo", "Lock the period");
    public static readonly Loc UnlockButton = new("Mở khóa kỳ báo cáo", "Unlock the period");
    public static readonly Loc LockedNow = new("Đã khóa kỳ báo cáo.", "The period is locked.");
    public static readonly Loc UnlockedNow = new("Đã mở khóa kỳ báo cáo.", "The period is unlocked.");
    public static readonly Loc LockSame = new("Kỳ báo cáo đã ở trạng thái đó, không có gì thay đổi.", "The period already was so; nothing changed.");

    public static readonly Loc Requirement = new("Nội dung", "Requirement");
    public static readonly Loc ReportHeading = new("{0} — nội dung {1}", "{0} — requirement {1}");
    public static readonly Loc Done = new("Đã hoàn thành", "Completed");
    public static readonly Loc InProgress = new("Đang triển khai", "In progress");
    public static readonly Loc NotStarted = new("Chưa triển khai", "Not started");
    public static readonly Loc NotReported = new("Chưa báo cáo", "Not reported");
    public static readonly Loc Actions = new("Việc đã làm", "What was done");
    public static readonly Loc Results = new("Kết quả, số liệu", "Results or figures");
    public static readonly Loc Difficulties = new("Khó khăn, vướng mắc", "Difficulties");
    public static readonly Loc Proposals = new("Kiến nghị, đề xuất (gửi Đảng ủy Khối)", "Proposals (kiến nghị, sent to the bloc)");
    public static readonly Loc EvidenceLink = new("Đường dẫn minh chứng (http, https)", "Evidence link (http, https)");
    public static readonly Loc EvidenceFile = new("Tệp minh chứng (PDF, DOCX, PNG, JPEG; tối đa {0} KB)", "Evidence file (PDF, DOCX, PNG, JPEG; at most {0} KB)");
    public static readonly Loc Evidence = new("Minh chứng", "Evidence");
    public static readonly Loc DownloadEvidence = new("Tải tệp minh chứng: {0}", "Download the evidence: {0}");
    public static readonly Loc UpdatedBy = new("Cập nhật lần cuối: {0}, bởi {1}", "Last changed {0} by {1}");
    public static readonly Loc NothingYet = new("Đơn vị chưa báo cáo nội dung này trong kỳ.", "The unit has not reported on this requirement in the period.");
    public static readonly Loc Save = new("Lưu báo cáo", "Save the report");
    public static readonly Loc Saved = new("Đã lưu báo cáo. Có thể sửa đến khi kỳ báo cáo bị khóa.", "The report is saved. It can be corrected until the period is locked.");
    public static readonly Loc RecordHeading = new("Ghi, sửa báo cáo", "Record or correct the report");
    public static readonly Loc OtherRequirements = new("Các nội dung khác của đơn vị", "The unit's other requirements");
    public static readonly Loc BackToMatrix = new("Về bảng tổng hợp", "Back to the matrix");

    public static readonly Loc Locked = new("Kỳ báo cáo đã bị khóa: không thay đổi được báo cáo. Đề nghị liên hệ Đảng ủy Khối nếu cần mở khóa.",
        "The period is locked: the report cannot be changed. Ask the bloc if it needs to be unlocked.");
    public static readonly Loc BadStatus = new("Trạng thái không hợp lệ: chọn một trong ba trạng thái.", "Not a valid status: choose one of the three.");
    public static readonly Loc FileTooLarge = new("Tệp lớn hơn {0} KB nên chưa được lưu; không có gì thay đổi.", "The file is larger than {0} KB, so nothing was saved.");
    public static readonly Loc FileType = new("Tệp phải là PDF, DOCX, PNG hoặc JPEG (kiểm tra theo nội dung tệp); không có gì thay đổi.",
        "The file must be a PDF, a DOCX, a PNG or a JPEG (checked from its content); nothing was changed.");
    public static readonly Loc Invalid = new("Mỗi ô chữ tối đa {0} ký tự và đường dẫn minh chứng phải bắt đầu bằng http:// hoặc https://; không có gì thay đổi.",
        "Each text is at most {0} characters and the evidence link must start with http:// or https://; nothing was changed.");
    public static readonly Loc BadPeriod = new("Kỳ báo cáo không đúng dạng (ví dụ 2026-Q4). Chọn kỳ trong danh sách.", "The period is not valid (e.g. 2026-Q4). Choose one from the list.");
    public static readonly Loc NotReporting = new("Đơn vị này không báo cáo kết quả thực hiện (báo cáo theo cấp đơn vị được cấu hình).",
        "This unit does not report; reports are kept per unit at the configured level of the unit tree.");
    public static readonly Loc NoRequirement = new("Không có nội dung này trong danh sách yêu cầu.", "There is no such requirement.");
    public static readonly Loc NoEvidence = new("Báo cáo này không có tệp minh chứng.", "This report has no evidence file.");

    public static readonly Loc CommitmentsHeading = new("Cam kết cá nhân năm {0}", "Personal commitments, {0}");
    public static readonly Loc Year = new("Năm", "Year");
    public static readonly Loc CountsHeading = new("Số lượng theo nội dung", "Counts by requirement");
    public static readonly Loc CountsOnly = new("Đảng ủy Khối chỉ xem số lượng; nội dung cam kết chỉ lãnh đạo đơn vị của cán bộ xem được.",
        "The bloc sees counts only; the texts are for the leaders of the cadre's own unit.");
    public static readonly Loc Committed = new("Đã đăng ký", "Committed");
    public static readonly Loc MidYear = new("Giữa năm (đã / một phần / chưa)", "Mid-year (done / partly / not yet)");
    public static readonly Loc YearEnd = new("Cuối năm (đã / một phần / chưa)", "Year-end (done / partly / not yet)");
    public static readonly Loc TextsHeading = new("Cam kết của cán bộ đơn vị", "The commitments of my units' cadres");
    public static readonly Loc NoCommitments = new("Chưa có cán bộ đăng ký cam kết.", "No cadre has registered a commitment.");
    public static readonly Loc Commitment = new("Cam kết", "Commitment");
    public static readonly Loc BadYear = new("Năm không đúng dạng (ví dụ 2026).", "The year is not valid (e.g. 2026).");

    public static readonly Loc ReportsHeading = new("Báo cáo của Đảng ủy (bản thảo DOCX)", "The committee's reports (DOCX drafts)");
    public static readonly Loc ReportsHelp = new(
        "Bản thảo theo thể thức văn bản của Đảng (Hướng dẫn 36-HD/VPTW), có biểu đồ; Văn phòng hoàn thiện số, ngày, đánh giá rồi trình ký.",
        "Drafts in the layout of party documents (Hướng dẫn 36-HD/VPTW), with charts; the office completes the number, date and assessment and has them signed.");
    public static readonly Loc ThematicDraft = new("Báo cáo chuyên đề theo kỳ", "Thematic report for a period");
    public static readonly Loc AnnualDraft = new("Báo cáo năm", "Annual report");
    public static readonly Loc DownloadDocx = new("Tải bản thảo (DOCX)", "Download the draft (DOCX)");
    public static readonly Loc PlaceholderWarning = new(
        "Chưa cấu hình cơ quan ban hành hoặc người ký ({0}): bản thảo đang dùng tên mặc định, cần thay trước khi trình ký.",
        "The issuing body or signer is not configured ({0}): the drafts carry the defaults, to be replaced before signing.");
}
