using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Implementation;

/// <summary>
/// Cadres' personal commitments on the staff requirements (S1–S3) for the business year: registering or clearing a text,
/// the mid-year and year-end self-assessments, what a unit's leaders may read, and the counts that go to the bloc.
/// Callers have checked who may see which units.
/// </summary>
public sealed class CommitmentService(ICommitments store, ImplementationService implementation, IStorage storage, BotClock clock,
    IOptions<CommitmentOptions> options)
{
    public int MaxText => options.Value.MaxText;

    public int CurrentYear => DateOnly.FromDateTime(clock.LocalNow).Year;

    /// <summary>The requirements a cadre can commit to: the staff items of the implementation requirements (S1–S3).</summary>
    public IReadOnlyList<Requirement> Requirements() => implementation.Requirements().Where(r => r.Audience == "staff").ToList();

    public Requirement? Requirement(string id) => Requirements().FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    public Commitment? Find(int year, long personId) => store.Find(year, personId);

    /// <summary>The round whose self-assessment is asked on <paramref name="day"/>, or null before mid-year.</summary>
    public CommitmentRound? RoundOn(DateOnly day)
    {
        var o = options.Value;
        if (CommitmentOptions.TryDay(o.YearEnd, day.Year, out var yearEnd) && day >= yearEnd)
        {
            return CommitmentRound.YearEnd;
        }

        return CommitmentOptions.TryDay(o.MidYear, day.Year, out var midYear) && day >= midYear ? CommitmentRound.MidYear : null;
    }

    public CommitmentRound? CurrentRound => RoundOn(DateOnly.FromDateTime(clock.LocalNow));

    /// <summary>Sets (or with an empty text clears) the person's commitment on a requirement for the current year.</summary>
    public async Task<CommitmentOutcome> SetTextAsync(Subscriber person, string requirementId, string? text)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (Requirement(requirementId) is not { } requirement)
        {
            return CommitmentOutcome.UnknownRequirement;
        }

        var trimmed = (text ?? "").Trim();
        if (trimmed.Length > MaxText || trimmed.Count(c => c == '\n') >= 6)
        {
            return CommitmentOutcome.TooLong;
        }

        var year = CurrentYear;
        var now = clock.UtcNow.UtcDateTime;
        return await storage.WriteAsync(tx =>
        {
            var commitment = store.Find(year, person.Id) ?? new Commitment { Id = Commitment.IdFor(year, person.Id), PersonId = person.Id, Year = year };
            var item = commitment.Items.FirstOrDefault(i => i.RequirementId == requirement.Id);
            if (trimmed.Length == 0)
            {
                if (item is null)
                {
                    return CommitmentOutcome.Saved;
                }

                commitment.Items.Remove(item);
            }
            else if (item is null)
            {
                commitment.Items.Add(new CommitmentItem { RequirementId = requirement.Id, Text = trimmed });
                commitment.Items.Sort((a, b) => string.CompareOrdinal(a.RequirementId, b.RequirementId));
            }
            else
            {
                item.Text = trimmed;
            }

            commitment.UnitCode = person.UnitCode;
            commitment.UpdatedAt = now;
            store.Save(tx, commitment);
            return CommitmentOutcome.Saved;
        });
    }

    /// <summary>Records the person's self-assessment of one commitment in the round that is open now.</summary>
    public async Task<CommitmentOutcome> AssessAsync(long personId, int year, string requirementId, CommitmentRound round, SelfAssessment value)
    {
        if (year != CurrentYear || CurrentRound is not { } open || open < round)
        {
            return CommitmentOutcome.RoundClosed;
        }

        var now = clock.UtcNow.UtcDateTime;
        return await storage.WriteAsync(tx =>
        {
            var commitment = store.Find(year, personId);
            var item = commitment?.Items.FirstOrDefault(i => string.Equals(i.RequirementId, requirementId, StringComparison.OrdinalIgnoreCase));
            if (commitment is null || item is null)
            {
                return CommitmentOutcome.UnknownRequirement;
            }

            if (round == CommitmentRound.MidYear)
            {
                item.MidYear = value;
            }
            else
            {
                item.YearEnd = value;
            }

            commitment.UpdatedAt = now;
            store.Save(tx, commitment);
            return CommitmentOutcome.Saved;
        });
    }

    /// <summary>The commitments of the year made in these units (a unit leader's view), by unit then person.</summary>
    public IReadOnlyList<Commitment> ForUnits(int year, IReadOnlyCollection<string> unitCodes)
    {
        var set = unitCodes as ISet<string> ?? unitCodes.ToHashSet(StringComparer.Ordinal);
        return store.ForYear(year).Where(c => c.UnitCode is not null && set.Contains(c.UnitCode) && c.Items.Count > 0)
            .OrderBy(c => c.UnitCode, StringComparer.Ordinal).ThenBy(c => c.PersonId).ToList();
    }

    /// <summary>Counts per requirement among these units' cadres: what rolls up to the bloc (no texts, no names).</summary>
    public IReadOnlyList<CommitmentCounts> Counts(int year, IReadOnlyCollection<string> unitCodes)
    {
        var items = ForUnits(year, unitCodes).SelectMany(c => c.Items).ToList();
        return Requirements().Select(r =>
        {
            var of = items.Where(i => i.RequirementId == r.Id).ToList();
            return new CommitmentCounts(r.Id, of.Count,
                of.Count(i => i.MidYear == SelfAssessment.Done), of.Count(i => i.MidYear == SelfAssessment.Partly), of.Count(i => i.MidYear == SelfAssessment.NotYet),
                of.Count(i => i.YearEnd == SelfAssessment.Done), of.Count(i => i.YearEnd == SelfAssessment.Partly), of.Count(i => i.YearEnd == SelfAssessment.NotYet));
        }).ToList();
    }

    public static string AssessmentLabel(SelfAssessment? value, string? language = "vi") => (value, language == "en") switch
    {
        (SelfAssessment.Done, false) => "Đã thực hiện",
        (SelfAssessment.Partly, false) => "Thực hiện một phần",
        (SelfAssessment.NotYet, false) => "Chưa thực hiện",
        (null, false) => "Chưa tự đánh giá",
        (SelfAssessment.Done, true) => "Done",
        (SelfAssessment.Partly, true) => "Partly done",
        (SelfAssessment.NotYet, true) => "Not yet",
        _ => "Not assessed",
    };

    public static string RoundLabel(CommitmentRound round, string? language = "vi") => (round, language == "en") switch
    {
        (CommitmentRound.MidYear, false) => "giữa năm",
        (CommitmentRound.YearEnd, false) => "cuối năm",
        (CommitmentRound.MidYear, true) => "mid-year",
        _ => "year-end",
    };
}
