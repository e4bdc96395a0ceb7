using Directive920Bot.Localization;
using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Admin;

/// <summary>The roster entry a subscriber was linked to is personal data: exported with /mydata, unlinked on /delete.</summary>
public sealed class RosterPersonalData(IRoster roster) : IPersonalDataHolder
{
    private static readonly Loc Title = new("Dòng của đồng chí trong danh sách đơn vị", "Your line in the unit's roster");

    private static readonly Loc Why = new(
        "Danh sách cán bộ do đơn vị nhập, được nối với tài khoản của đồng chí khi đăng ký: để đơn vị biết ai chưa tham gia. Khi xóa dữ liệu, dòng này ở lại với đơn vị nhưng không còn nối với đồng chí.",
        "The staff list your unit imported, linked to your account when you registered: so the unit knows who has not joined yet. On /delete the line stays with the unit, unlinked from you.");

    public string Name => "roster";

    public IEnumerable<PersonalDataSection> Describe(long subscriberId, PersonalDataFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (roster.ForSubscriber(subscriberId) is not { } e)
        {
            return [];
        }

        var en = format.Language == "en";
        return [new PersonalDataSection(format.T(Title), format.T(Why),
        [
            (en ? "Full name: " : "Họ và tên: ") + e.FullName,
            (en ? "Unit: " : "Đơn vị: ") + e.UnitCode,
            (en ? "Position: " : "Chức vụ: ") + (e.Position ?? "—"),
            (en ? "Phone: " : "Điện thoại: ") + (e.Phone ?? "—"),
            (en ? "Party member: " : "Đảng viên: ") + format.YesNo(e.PartyMember),
        ])];
    }

    public object? Export(long subscriberId) => roster.ForSubscriber(subscriberId) is { } e
        ? new { e.FullName, e.UnitCode, role = e.Role.ToString(), e.Position, e.Phone }
        : null;

    /// <summary>The roster entry belongs to the unit; only the link to the person goes, so they count as never registered.</summary>
    public void Erase(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms)
    {
        if (roster.ForSubscriber(subscriberId) is { } entry)
        {
            entry.SubscriberId = null;
            roster.Save(tx, entry);
        }
    }
}
