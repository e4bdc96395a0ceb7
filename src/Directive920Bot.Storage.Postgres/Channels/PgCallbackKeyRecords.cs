using Directive920Bot.Channels;

namespace Directive920Bot.Storage.Postgres.Channels;

/// <summary>
/// Callback keys in <c>callback_keys</c>, unique by identity. No in-memory copy: another instance may revoke a key, and
/// a lookup by primary key costs a fraction of a millisecond.
/// </summary>
internal sealed class PgCallbackKeyRecords(PostgresStorage db) : ICallbackKeyRecords
{
    private const string Columns = "id AS Id, owner_id AS OwnerId, action AS Action, payload AS Payload, identity AS Identity, created_at AS CreatedAt, expires_at AS ExpiresAt";

    public CallbackKey? Find(string id) => db.One<CallbackKey>($"SELECT {Columns} FROM callback_keys WHERE id = @id", new { id });

    public CallbackKey? FindByIdentity(string identity) =>
        db.One<CallbackKey>($"SELECT {Columns} FROM callback_keys WHERE identity = @identity", new { identity });

    public void Insert(ITransaction tx, CallbackKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        db.Execute(tx, """
            INSERT INTO callback_keys (id, owner_id, action, payload, identity, created_at, expires_at)
            VALUES (@Id, @OwnerId, @Action, @Payload, @Identity, @CreatedAt, @ExpiresAt)
            """, key);
    }

    public void Delete(ITransaction tx, string id) => db.Execute(tx, "DELETE FROM callback_keys WHERE id = @id", new { id });

    public int DeleteExpired(ITransaction tx, DateTime now) =>
        db.Execute(tx, "DELETE FROM callback_keys WHERE expires_at <= @now", new { now });

    public int DeleteOwnedBy(ITransaction tx, long ownerId) =>
        db.Execute(tx, "DELETE FROM callback_keys WHERE owner_id = @ownerId", new { ownerId });

    public int DeletePayload(ITransaction tx, string action, string payload) =>
        db.Execute(tx, "DELETE FROM callback_keys WHERE action = @action AND payload = @payload", new { action, payload });

    // One statement: the payload split on '|' in the server, no rows brought over to be filtered here.
    public int DeleteMentioning(ITransaction tx, string token) =>
        db.Execute(tx, "DELETE FROM callback_keys WHERE strpos(payload, @token) > 0 AND @token = ANY (string_to_array(payload, '|'))", new { token });

    public int CountCreatedBefore(DateTime cutoff) =>
        db.One<int>("SELECT count(*)::int FROM callback_keys WHERE created_at < @cutoff", new { cutoff });

    public int DeleteCreatedBefore(ITransaction tx, DateTime cutoff) =>
        db.Execute(tx, "DELETE FROM callback_keys WHERE created_at < @cutoff", new { cutoff });
}
