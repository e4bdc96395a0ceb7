using Directive920Bot.Localization;

namespace Directive920Bot.Admin;

/// <summary>
/// The roster import's refusals in both languages (issue #14 §6: a unit's office reads them in Vietnamese); every one
/// is prefixed with <c>file:line:</c> by the importer. Column names stay as they are written in the file's header.
/// </summary>
internal static class RosterImportTexts
{
    public static readonly Loc TooLarge = new("tệp lớn hơn {0} MB", "the file is larger than {0} MB");
    public static readonly Loc Unreadable = new("không đọc được tệp dạng {0}: {1}", "the file cannot be read as {0}: {1}");
    public static readonly Loc Empty = new("tệp trống; dòng tiêu đề cần có {0}", "the file is empty; expected the header {0}");
    public static readonly Loc MissingColumn = new("thiếu cột '{0}' (cần có {1})", "missing column '{0}' (expected {1})");
    public static readonly Loc BadName = new(
        "full_name '{0}' phải là họ và tên gồm 2–6 từ bằng chữ, dài 4–80 ký tự",
        "full_name '{0}' must be 2–6 words of letters, 4–80 characters");
    public static readonly Loc UnknownUnit = new(
        "unit_code '{0}' không phải mã của đơn vị đã nhập vào hệ thống",
        "unit_code '{0}' is not an imported unit");
    public static readonly Loc OutOfScope = new(
        "unit_code '{0}' không thuộc các đơn vị đồng chí quản trị",
        "unit_code '{0}' is outside the units you administer");
    public static readonly Loc BadRole = new(
        "role '{0}' phải là lãnh đạo (leader) hoặc cán bộ (staff)",
        "role '{0}' must be leader (lãnh đạo) or staff (cán bộ)");
    public static readonly Loc BadPhone = new(
        "phone '{0}' phải gồm 9–12 chữ số, có thể bắt đầu bằng dấu +",
        "phone '{0}' must be 9–12 digits, optionally starting with +");
    public static readonly Loc BadPosition = new(
        "position (chức vụ) dài tối đa 120 ký tự, không có ký tự điều khiển",
        "position must be at most 120 printable characters");
    public static readonly Loc BadPartyMember = new(
        "dang_vien '{0}' phải là x, có, 1 hoặc true đối với đảng viên; để trống, không, 0 hoặc false nếu không phải",
        "dang_vien '{0}' must be x, có, 1 or true for a party member, and empty, không, 0 or false otherwise");
    public static readonly Loc Duplicate = new(
        "trùng người '{0}' trong {1} (đã có ở dòng {2}); ghi thêm số điện thoại để phân biệt",
        "duplicate person '{0}' in {1} (first on line {2}); add a phone number to tell them apart");
    public static readonly Loc HeaderTooWide = new("dòng tiêu đề có {0} cột; tối đa {1}", "the header has {0} columns; at most {1}");
    public static readonly Loc RowTooWide = new("dòng có {0} cột; tối đa {1}", "the row has {0} columns; at most {1}");
    public static readonly Loc TooManyRows = new("nhiều hơn {0} người; đề nghị chia danh sách theo đơn vị", "more than {0} people; split the roster by unit");
    public static readonly Loc TooManyParts = new("tệp XLSX có {0} thành phần; tối đa {1}", "the XLSX archive has {0} parts; at most {1}");
    public static readonly Loc Unpacked = new("tệp XLSX giải nén ra hơn {0} MB", "the XLSX archive unpacks to more than {0} MB");
    public static readonly Loc SheetColumns = new("trang tính khai báo {0} cột ({1}); tối đa {2}", "the sheet declares {0} columns ({1}); at most {2}");
    public static readonly Loc SheetRows = new("trang tính khai báo {0} dòng ({1}); tối đa {2} người", "the sheet declares {0} rows ({1}); at most {2} people");
}
