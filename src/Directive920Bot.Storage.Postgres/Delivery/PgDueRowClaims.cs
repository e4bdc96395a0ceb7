using Dapper;
using Directive920Bot.Delivery;

namespace Directive920Bot.Storage.Postgres.Delivery;

/// <summary>
/// Claims due ledger rows in one statement: the head of the pending rows by priority and due time is locked with
/// <c>FOR UPDATE SKIP LOCKED</c> and moved to <c>Sending</c>, so two claimers (a lease holder and one that lost its
/// lease a moment ago) never get the same row and never wait for each other. It runs in its own autocommit statement, not
/// in a SERIALIZABLE transaction of <see cref="PostgresStorage"/>: the statement is atomic by itself, and the row locks
/// are what keep it apart from other writers (a serializable writer of the same row retries).
/// </summary>
internal sealed class PgDueRowClaims(PostgresStorage db) : IDueRowClaims
{
    private const string Returned = """
        d.id AS Id, d.occurrence_id AS OccurrenceId, d.campaign_id AS CampaignId, d.subscriber_id AS SubscriberId,
        d.kind AS Kind, d.item_id AS ItemId, d.content_hash AS ContentHash, d.html AS Html, d.payload AS Payload, d.language AS Language,
        d.require_ack AS RequireAck, d.unit_code AS UnitCode, d.role AS Role, d.state AS State, d.attempts AS Attempts, d.last_error AS LastError,
        d.message_id AS MessageId, d.due_at AS DueAt, d.priority AS Priority, d.created_at AS CreatedAt, d.sent_at AS SentAt, d.channel AS Channel,
        d.updated_at AS UpdatedAt, d.parts_sent AS PartsSent
        """;

    // The locked head is a MATERIALIZED CTE, evaluated once: as a sub-select joined to the table, the planner may scan it
    // again for the join, and each scan locks (SKIP LOCKED) and returns other rows, so one claim could take more than max.
    private const string Claim = $"""
        WITH due AS MATERIALIZED (
            SELECT id AS claim_id FROM deliveries
            WHERE state = 'Pending' AND due_at <= @now
            ORDER BY priority DESC, due_at, id
            LIMIT @max
            FOR UPDATE SKIP LOCKED)
        UPDATE deliveries d SET state = 'Sending', attempts = d.attempts + 1, updated_at = @now
        FROM due
        WHERE d.id = due.claim_id
        RETURNING {Returned}
        """;

    public async Task<List<DeliveryRow>> ClaimAsync(DateTime now, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        await using var connection = await db.Source.OpenConnectionAsync();
        var rows = await connection.QueryAsync<DeliveryRow>(Claim, new { now = Utc.Of(now), max });
        // RETURNING keeps no order: the sends start in the claim's order.
        return [.. rows.OrderByDescending(r => r.Priority).ThenBy(r => r.DueAt).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    public int CountDueBy(DateTime by) =>
        db.One<int>("SELECT count(*)::int FROM deliveries WHERE state = 'Pending' AND due_at <= @by", new { by = Utc.Of(by) });
}
