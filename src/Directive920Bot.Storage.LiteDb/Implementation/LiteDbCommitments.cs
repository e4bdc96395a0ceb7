using Directive920Bot.Implementation;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Implementation;

internal sealed class LiteDbCommitments(Database db) : ICommitments
{
    public const string CollectionName = "impl_commitments";

    public static readonly StoreSchema Schema = new(CollectionName, (database, mapper) =>
    {
        var items = database.GetCollection<Commitment>(CollectionName);
        items.EnsureIndex(c => c.PersonId);
        mapper.ToDocument(new Commitment { Items = [new CommitmentItem()] });
    });

    private ILiteCollection<Commitment> Items => db.Collection<Commitment>(CollectionName);

    public Commitment? Find(int year, long personId) => Items.FindById(Commitment.IdFor(year, personId));

    // Ids begin with the year: a range of the primary key.
    public IReadOnlyList<Commitment> ForYear(int year) =>
        Items.Find(Query.StartsWith("_id", FormattableString.Invariant($"{year}|"))).ToList();

    public IReadOnlyList<Commitment> ForPerson(long personId) => Items.Find(c => c.PersonId == personId).ToList();

    public void Save(ITransaction tx, Commitment commitment) => Items.Upsert(commitment);

    public int DeletePerson(ITransaction tx, long personId) => Items.DeleteMany(c => c.PersonId == personId);
}
