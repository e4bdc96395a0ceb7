namespace Directive920Bot.Implementation;

/// <summary>
/// The issuing body and the signer of the reports a committee signs (<c>CommitteeReport:*</c>), in the layout of party
/// documents (Hướng dẫn 36-HD/VPTW): the superior body and the issuing body top left with the number line, the signature
/// block "T/M …" bottom right. The issuing body's names have no real default: unset, the drafts print bracketed
/// placeholders no office could sign as they are, the console's Reports page names the keys, and a start in Production
/// logs a warning naming them (<see cref="UnsetKeys"/>).
/// </summary>
public sealed class CommitteeReportOptions
{
    public const string Section = "CommitteeReport";

    public const string SuperiorPlaceholder = "[CẤP ỦY CẤP TRÊN]";
    public const string IssuingPlaceholder = "[CẤP ỦY BAN HÀNH BÁO CÁO]";
    public const string NumberPlaceholder = "BC/[KÝ HIỆU]";

    /// <summary>The level above the issuing body, first line top left (upper case, not bold), e.g. "ĐẢNG BỘ TỈNH NGHỆ AN".</summary>
    public string SuperiorBody { get; set; } = SuperiorPlaceholder;

    /// <summary>The issuing body, second line top left (upper case, bold), e.g. "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH".</summary>
    public string IssuingBody { get; set; } = IssuingPlaceholder;

    /// <summary>What follows the number the office fills in, e.g. "BC/ĐUK" for "Số      -BC/ĐUK".</summary>
    public string NumberSuffix { get; set; } = NumberPlaceholder;

    /// <summary>The keys of the issuing body still unset (placeholders or blank), for the operator to set.</summary>
    public IReadOnlyList<string> UnsetKeys =>
    [
        .. Unset(SuperiorBody, SuperiorPlaceholder) ? [Section + ":SuperiorBody"] : Array.Empty<string>(),
        .. Unset(IssuingBody, IssuingPlaceholder) ? [Section + ":IssuingBody"] : Array.Empty<string>(),
        .. Unset(NumberSuffix, NumberPlaceholder) ? [Section + ":NumberSuffix"] : Array.Empty<string>(),
    ];

    private static bool Unset(string? value, string placeholder) => string.IsNullOrWhiteSpace(value) || value.Trim() == placeholder;

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
