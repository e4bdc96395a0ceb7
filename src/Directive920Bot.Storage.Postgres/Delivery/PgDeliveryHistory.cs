using Directive920Bot.Delivery;
using Npgsql;

namespace Directive920Bot.Storage.Postgres.Delivery;

/// <summary>
/// The ledger by period: the partial index on <c>sent_at</c>, read as a narrow projection and streamed row by row on
/// its own connection (a month's rows are many; nothing is buffered).
/// </summary>
internal sealed class PgDeliveryHistory(PostgresStorage db) : IDeliveryHistory
{
    public IEnumerable<SentDelivery> SentBetween(DateTime fromUtc, DateTime toUtc) =>
        Read("SELECT id, kind, state, item_id, campaign_id, unit_code, subscriber_id, payload FROM deliveries WHERE sent_at >= $1 AND sent_at < $2",
            Utc.Of(fromUtc), Utc.Of(toUtc));

    // The subscriber index, one read for a page of members.
    public IEnumerable<SentDelivery> ForSubscribers(IReadOnlyCollection<long> subscriberIds)
    {
        ArgumentNullException.ThrowIfNull(subscriberIds);
        return subscriberIds.Count == 0 ? [] : Read(
            "SELECT id, kind, state, item_id, campaign_id, unit_code, subscriber_id, payload FROM deliveries WHERE subscriber_id = ANY ($1) ORDER BY id",
            subscriberIds.Distinct().ToArray());
    }

    private IEnumerable<SentDelivery> Read(string sql, params object[] values)
    {
        using var connection = db.Source.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            // A kind or state this build does not know cannot be reported on.
            if (!Enum.TryParse<DeliveryKind>(reader.GetString(1), out var kind) || !Enum.TryParse<DeliveryState>(reader.GetString(2), out var state))
            {
                continue;
            }

            yield return new SentDelivery(reader.GetString(0), kind, state, Text(reader, 3), Text(reader, 4), Text(reader, 5), reader.GetInt64(6), Text(reader, 7));
        }
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
