using Directive920Bot.Channels;

namespace Directive920Bot.Storage.Postgres.Channels;

/// <summary>Offers of typed replies in <c>offered_choices</c>, one jsonb document per channel and person.</summary>
internal sealed class PgOfferedChoicesStore(PostgresStorage db) : IOfferedChoicesStore
{
    public OfferedChoices? Find(string channel, long personId) =>
        Json.Read<OfferedChoices>(db.One<string>("SELECT doc::text FROM offered_choices WHERE channel = @channel AND person_id = @personId", new { channel, personId }));

    public void Offer(ITransaction tx, OfferedChoices offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        offer.Id = OfferedChoices.IdFor(offer.Channel, offer.PersonId);
        db.Execute(tx, """
            INSERT INTO offered_choices (channel, person_id, doc) VALUES (@Channel, @PersonId, @doc::jsonb)
            ON CONFLICT (channel, person_id) DO UPDATE SET doc = excluded.doc
            """, new { offer.Channel, offer.PersonId, doc = Json.Write(offer) });
    }

    public void Withdraw(ITransaction tx, string channel, long personId) =>
        db.Execute(tx, "DELETE FROM offered_choices WHERE channel = @channel AND person_id = @personId", new { channel, personId });

    public int Forget(ITransaction tx, long personId) =>
        db.Execute(tx, "DELETE FROM offered_choices WHERE person_id = @personId", new { personId });
}
