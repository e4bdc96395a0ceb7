using Directive920Bot.Channels;
using Npgsql;

namespace Directive920Bot.Tests.Infrastructure;

/// <summary>
/// Every callback key the harness's store holds, on either provider: the store interface finds a key only by its id or
/// its identity, and tests of expiry and clean-up must see all of them (a LiteDB collection, or the PostgreSQL table).
/// </summary>
internal static class StoredCallbackKeys
{
    public static List<CallbackKey> All(BotHarness bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        if (!bot.UsesPostgres)
        {
            return [.. bot.Get<Directive920Bot.Storage.LiteDb.Database>().Collection<CallbackKey>(Directive920Bot.Storage.LiteDb.Channels.LiteDbCallbackKeyRecords.CollectionName).FindAll()];
        }

        using var connection = new NpgsqlConnection(bot.ConnectionString);
        connection.Open();
        using var select = new NpgsqlCommand("SELECT id, owner_id, action, payload, identity, created_at, expires_at FROM callback_keys", connection);
        using var reader = select.ExecuteReader();
        var keys = new List<CallbackKey>();
        while (reader.Read())
        {
            keys.Add(new CallbackKey
            {
                Id = reader.GetString(0),
                OwnerId = reader.IsDBNull(1) ? null : reader.GetInt64(1),
                Action = reader.GetString(2),
                Payload = reader.GetString(3),
                Identity = reader.GetString(4),
                CreatedAt = reader.GetDateTime(5),
                ExpiresAt = reader.IsDBNull(6) ? null : reader.GetDateTime(6),
            });
        }

        return keys;
    }
}
