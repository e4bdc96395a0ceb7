using System.Globalization;
using Directive920Bot.Localization;
using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Implementation;

/// <summary>A cadre's commitments are their own words: exported as stored, deleted on erasure (the counts go with them).</summary>
internal sealed class CommitmentPersonalData(ICommitments store) : IPersonalDataHolder
{
    private static readonly Loc Title = new("Cam kết cá nhân và tự đánh giá", "Personal commitments and self-assessments");

    private static readonly Loc Why = new(
        "Cam kết đồng chí đăng ký (/camket) về các yêu cầu S1–S3 và tự đánh giá giữa năm, cuối năm: lãnh đạo đơn vị của đồng chí xem được; Khối chỉ nhận số lượng.",
        "The commitments you registered (/commitment) on S1–S3 and your mid-year and year-end self-assessments: your unit's leaders can read them; the bloc gets counts only.");

    private static readonly Loc Line = new("Năm {0}, {1}: “{2}” — giữa năm: {3}; cuối năm: {4}", "{0}, {1}: “{2}” — mid-year: {3}; year-end: {4}");

    public string Name => "commitments";

    public IEnumerable<PersonalDataSection> Describe(long subscriberId, PersonalDataFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var lines = store.ForPerson(subscriberId).OrderBy(c => c.Year)
            .SelectMany(c => c.Items.Select(i => Line.Format(format.Language, c.Year.ToString(CultureInfo.InvariantCulture), i.RequirementId, i.Text,
                Assessment(i.MidYear, format.Language), Assessment(i.YearEnd, format.Language))))
            .ToList();
        return lines.Count == 0 ? [] : [new PersonalDataSection(format.T(Title), format.T(Why), lines)];
    }

    public object? Export(long subscriberId) => store.ForPerson(subscriberId)
        .OrderBy(c => c.Year)
        .Select(c => new { c.Year, c.UnitCode, c.UpdatedAt, Items = c.Items.Select(i => new { i.RequirementId, i.Text, i.MidYear, i.YearEnd }) });

    public void Erase(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms) => store.DeletePerson(tx, subscriberId);

    private static string Assessment(SelfAssessment? value, string language) => (value, language == Languages.English) switch
    {
        (SelfAssessment.Done, true) => "done",
        (SelfAssessment.Done, false) => "đã thực hiện",
        (SelfAssessment.Partly, true) => "partly",
        (SelfAssessment.Partly, false) => "một phần",
        (SelfAssessment.NotYet, true) => "not yet",
        (SelfAssessment.NotYet, false) => "chưa",
        (_, true) => "not assessed",
        _ => "chưa tự đánh giá",
    };
}
