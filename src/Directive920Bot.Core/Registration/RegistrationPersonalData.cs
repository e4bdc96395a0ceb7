using Directive920Bot.Channels;
using Directive920Bot.Admin;
using Directive920Bot.Localization;
using Directive920Bot.Storage;

namespace Directive920Bot.Registration;

/// <summary>The profile itself: exported as stored, erased down to an anonymous tombstone for counts.</summary>
internal sealed class RegistrationPersonalData(ISubscribers subscribers, IRoles roles, CallbackKeyStore keys, IPersonDirectory directory, IOfferedChoicesStore offers, IUnits units) : IPersonalDataHolder
{
    private static readonly Loc Title = new("Đăng ký, đơn vị và sự đồng ý", "Registration, unit and consent");

    private static readonly Loc Why = new(
        "Thông tin đồng chí khai khi đăng ký và sự đồng ý xử lý dữ liệu cá nhân: để gửi bài đúng người, đúng đơn vị và để đơn vị tổng hợp, báo cáo.",
        "What you gave when registering and your consent to processing your personal data: so that lessons reach the right person and unit, and the unit can follow up and report.");

    public string Name => "profile";

    public IEnumerable<PersonalDataSection> Describe(long subscriberId, PersonalDataFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var s = subscribers.Find(subscriberId);
        if (s is null)
        {
            return [];
        }

        var en = format.Language == "en";
        var unit = s.UnitCode is { } code ? $"{units.Find(code)?.Name ?? code} ({code})" : "—";
        var role = s.Role switch
        {
            CadreRole.Leader => en ? "leader" : "lãnh đạo",
            CadreRole.Staff => en ? "cadre, civil servant or public employee" : "cán bộ, công chức, viên chức",
            _ => "—",
        };
        var status = s.Status switch
        {
            SubscriberStatus.Active => en ? "receiving messages" : "đang nhận tin",
            SubscriberStatus.Stopped => en ? "stopped (/stop)" : "đã ngừng nhận tin (/ngungnhan)",
            SubscriberStatus.Blocked => en ? "the bot is blocked" : "đã chặn bot",
            _ => en ? "registration not finished" : "chưa hoàn tất đăng ký",
        };
        var lines = new List<string>
        {
            (en ? "Full name: " : "Họ và tên: ") + (s.FullName ?? "—"),
            (en ? "Unit: " : "Đơn vị: ") + unit,
            (en ? "Role: " : "Vai trò: ") + role,
            (en ? "Language: " : "Ngôn ngữ: ") + (s.Language == "en" ? "English" : "Tiếng Việt"),
            (en ? "Status: " : "Trạng thái: ") + status + (s.Paused ? (en ? ", lessons paused (/pause)" : ", đang tạm dừng nhận bài (/tamdung)") : ""),
            (en ? "Consent given: " : "Đồng ý xử lý dữ liệu lúc: ") + format.Time(s.ConsentAt),
            (en ? "Version of the consent text agreed to: " : "Phiên bản nội dung đã đồng ý: ") + (s.ConsentVersion.Length == 0 ? "—" : s.ConsentVersion),
            (en ? "Registered: " : "Hoàn tất đăng ký lúc: ") + format.Time(s.RegisteredAt),
            (en ? "Lesson hour: " : "Giờ nhận bài: ") + (s.PreferredHour is { } hour ? $"{hour:00}:00" : (en ? "the course's" : "theo lịch chung")),
        };
        lines.AddRange(roles.For(subscriberId).Select(r =>
            (en ? "Role in the bot: " : "Quyền trong bot: ") + r.Role + (r.UnitCode is { } u ? $" ({u})" : "") + (en ? ", since " : ", từ ") + format.Time(r.GrantedAt)));
        lines.AddRange(directory.AddressesOf(subscriberId).Select(a => (en ? "Reached at: " : "Địa chỉ nhận tin: ") + a));
        return [new PersonalDataSection(format.T(Title), format.T(Why), lines)];
    }

    public object? Export(long subscriberId)
    {
        var s = subscribers.Find(subscriberId);
        return s is null ? null : new
        {
            s.FullName,
            s.UnitCode,
            Role = s.Role?.ToString(),
            s.Language,
            Status = s.Status.ToString(),
            s.Paused,
            s.ConsentAt,
            s.ConsentVersion,
            s.RegisteredAt,
            s.PreferredHour,
            Roles = roles.For(subscriberId).Select(r => new { Role = r.Role.ToString(), r.UnitCode, r.GrantedAt }),
            // Where the bot reaches them (telegram:123…): an address is personal data too.
            Channels = directory.AddressesOf(subscriberId).Select(a => a.ToString()),
        };
    }

    /// <summary>The profile (down to its tombstone), the roles, the person's buttons, others' buttons about them and their channel addresses and typed-reply offers go together.</summary>
    public void Erase(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms)
    {
        subscribers.Erase(tx, subscriberId, pseudonyms);
        roles.RemoveAll(tx, subscriberId);
        keys.RevokeAbout(tx, subscriberId);
        directory.Forget(tx, subscriberId);
        offers.Forget(tx, subscriberId); // the typed replies last offered on Zalo, labels of their buttons included
    }
}
