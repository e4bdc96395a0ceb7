namespace Directive920Bot.Implementation;

/// <summary>
/// The issuing body and the signer of the reports a committee signs (<c>CommitteeReport:*</c>), in the layout of party
/// documents (Hướng dẫn 36-HD/VPTW): the superior body and the issuing body top left with the number line, the signature
/// block "T/M …" bottom right. The defaults name the bloc as the rest of the service does; set them to the real ones.
/// </summary>
public sealed class CommitteeReportOptions
{
    public const string Section = "CommitteeReport";

    /// <summary>The level above the issuing body, first line top left (upper case, not bold).</summary>
    public string SuperiorBody { get; set; } = "ĐẢNG BỘ TỈNH NGHỆ AN";

    /// <summary>The issuing body, second line top left (upper case, bold).</summary>
    public string IssuingBody { get; set; } = "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH";

    /// <summary>What follows the number the office fills in: "Số      -BC/ĐUK".</summary>
    public string NumberSuffix { get; set; } = "BC/ĐUK";

    /// <summary>The place of the place and date line.</summary>
    public string Place { get; set; } = "Nghệ An";

    /// <summary>"T/M BAN THƯỜNG VỤ": on whose behalf the report is signed.</summary>
    public string OnBehalfOf { get; set; } = "T/M BAN THƯỜNG VỤ";

    /// <summary>The signer's office under it ("BÍ THƯ", "PHÓ BÍ THƯ").</summary>
    public string SignerTitle { get; set; } = "BÍ THƯ";

    /// <summary>The signer's name; empty: a placeholder the office fills in.</summary>
    public string? SignerName { get; set; }

    /// <summary>The "Nơi nhận" lines; empty: the usual recipients of a bloc's report.</summary>
    public IList<string> Recipients { get; } = [];

    public IReadOnlyList<string> RecipientLines => Recipients.Count > 0 ? Recipients.ToList() :
    [
        "Ban Thường vụ Tỉnh ủy (để báo cáo),",
        "Các đảng bộ, chi bộ cơ sở trực thuộc,",
        "Lưu Văn phòng.",
    ];
}
