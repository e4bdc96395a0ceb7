using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Implementation;

/// <summary>A cadre's commitments are their own words: exported as stored, deleted on erasure (the counts go with them).</summary>
internal sealed class CommitmentPersonalData(ICommitments store) : IPersonalDataHolder
{
    public string Name => "commitments";

    public object? Export(long subscriberId) => store.ForPerson(subscriberId)
        .OrderBy(c => c.Year)
        .Select(c => new { c.Year, c.UnitCode, c.UpdatedAt, Items = c.Items.Select(i => new { i.RequirementId, i.Text, i.MidYear, i.YearEnd }) });

    public void Erase(ITransaction tx, long subscriberId, long pseudonym) => store.DeletePerson(tx, subscriberId);
}
