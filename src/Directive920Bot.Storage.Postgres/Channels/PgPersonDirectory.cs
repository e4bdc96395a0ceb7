using Directive920Bot.Channels;

namespace Directive920Bot.Storage.Postgres.Channels;

/// <summary>
/// The person directory in <c>person_addresses</c>: the address is the primary key (it belongs to one person), one
/// address per channel and one preferred address per person are unique indexes, and new ids come from the sequence
/// <c>person_ids</c>. No in-memory copy (another instance may link or forget an address).
/// </summary>
internal sealed class PgPersonDirectory(PostgresStorage db) : IPersonDirectory
{
    public long? Find(ChannelAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return db.One<long?>("SELECT person_id FROM person_addresses WHERE address = @address", new { address = address.ToString() });
    }

    public IReadOnlyList<ChannelAddress> AddressesOf(long personId) =>
        [.. db.Query<string>("SELECT address FROM person_addresses WHERE person_id = @personId ORDER BY preferred DESC, address COLLATE \"C\"", new { personId })
            .Select(ChannelAddress.Parse)];

    public long Register(ITransaction tx, ChannelAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (Find(address) is { } stored)
        {
            return stored;
        }

        var personId = address.Channel == ChannelAddress.Telegram
            ? PersonIds.Provisional(address)
            : db.Query<long>(tx, "SELECT nextval('person_ids')")[0];
        db.Execute(tx, """
            INSERT INTO person_addresses (address, person_id, channel, preferred)
            VALUES (@address, @personId, @channel, NOT EXISTS (SELECT 1 FROM person_addresses WHERE person_id = @personId))
            """, new { address = address.ToString(), personId, channel = address.Channel });
        return personId;
    }

    public void Link(ITransaction tx, long personId, ChannelAddress address, bool preferred = false)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (PersonIds.IsProvisional(personId))
        {
            throw new ArgumentOutOfRangeException(nameof(personId), personId, "A provisional person id is never stored.");
        }

        var owner = Find(address);
        if (owner is { } other && other != personId)
        {
            // Thrown inside the transaction: it rolls back, and the address stays with the person who had it.
            throw new DuplicateKeyException($"The address {address} belongs to another person.");
        }

        var addresses = AddressesOf(personId);
        if (owner is null && addresses.Any(a => a.Channel == address.Channel))
        {
            throw new InvalidOperationException($"Person {personId} has an address on {address.Channel} already.");
        }

        var makePreferred = preferred || addresses.Count == 0;
        if (makePreferred)
        {
            db.Execute(tx, "UPDATE person_addresses SET preferred = false WHERE person_id = @personId AND preferred", new { personId });
        }

        db.Execute(tx, """
            INSERT INTO person_addresses (address, person_id, channel, preferred) VALUES (@address, @personId, @channel, @preferred)
            ON CONFLICT (address) DO UPDATE SET preferred = excluded.preferred
            """, new { address = address.ToString(), personId, channel = address.Channel, preferred = makePreferred || (owner is not null && addresses[0] == address) });
    }

    public bool Unlink(ITransaction tx, long personId, ChannelAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        // Locks the person's rows first: two unlinks of the two addresses at once cannot both leave the other one.
        var addresses = db.Query<(string Address, bool Preferred)>(tx,
            "SELECT address, preferred FROM person_addresses WHERE person_id = @personId ORDER BY preferred DESC, address COLLATE \"C\" FOR UPDATE",
            new { personId });
        var key = address.ToString();
        if (!addresses.Any(a => a.Address == key))
        {
            return false;
        }

        if (addresses.Count == 1)
        {
            throw new InvalidOperationException($"The address {address} is the last one of person {personId}.");
        }

        db.Execute(tx, "DELETE FROM person_addresses WHERE address = @key AND person_id = @personId", new { key, personId });
        if (addresses[0].Preferred && addresses[0].Address == key)
        {
            db.Execute(tx, "UPDATE person_addresses SET preferred = true WHERE address = @next", new { next = addresses.First(a => a.Address != key).Address });
        }

        return true;
    }

    public int Forget(ITransaction tx, long personId) => db.Execute(tx, "DELETE FROM person_addresses WHERE person_id = @personId", new { personId });
}
