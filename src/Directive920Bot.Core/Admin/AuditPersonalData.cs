using Directive920Bot.Localization;
using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Admin;

/// <summary>
/// The audit entries a person did or that name them: shown in /mydata; on /delete the entries stay (an admin's action
/// must stay on record) but the person's id is taken out of them.
/// </summary>
public sealed class AuditPersonalData(IAuditEntries entries) : IPersonalDataHolder
{
    private static readonly Loc Title = new("Nhật ký quản trị về đồng chí", "Admin audit entries about you");

    private static readonly Loc Why = new(
        "Các thao tác quản trị do đồng chí thực hiện hoặc liên quan đến đồng chí (cấp, thu hồi quyền, nhập danh sách…): để việc quản trị luôn kiểm tra được.",
        "Admin actions you took or that concern you (roles granted or revoked, roster imports…): so that administration can always be checked.");

    public string Name => "audit";

    public IEnumerable<PersonalDataSection> Describe(long subscriberId, PersonalDataFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var about = entries.About(subscriberId);
        if (about.Count == 0)
        {
            return [];
        }

        var en = format.Language == "en";
        return [new PersonalDataSection(format.T(Title), format.T(Why), about
            .Select(e => $"{format.Time(e.At)} — {(e.Actor == subscriberId ? (en ? "by you" : "đồng chí thực hiện") : (en ? "about you" : "liên quan đến đồng chí"))}: {e.Action} {e.Target} {e.Details}".TrimEnd())
            .ToList())];
    }

    public object? Export(long subscriberId) => entries.About(subscriberId)
        .Select(e => new { e.At, ByYou = e.Actor == subscriberId, e.Action, e.Target, e.Details })
        .ToList();

    public void Erase(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms) => entries.Redact(tx, subscriberId);
}
