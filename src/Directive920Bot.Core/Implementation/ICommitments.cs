using Directive920Bot.Storage;

namespace Directive920Bot.Implementation;

/// <summary>Cadres' personal commitments, one document per person and year.</summary>
public interface ICommitments
{
    Commitment? Find(int year, long personId);

    IReadOnlyList<Commitment> ForYear(int year);

    IReadOnlyList<Commitment> ForPerson(long personId);

    void Save(ITransaction tx, Commitment commitment);

    /// <summary>Deletes every commitment of the person (erasure: the texts are their own words).</summary>
    int DeletePerson(ITransaction tx, long personId);
}
