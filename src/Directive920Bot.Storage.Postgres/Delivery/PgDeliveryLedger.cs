using System.Text.Json;
using Directive920Bot.Delivery;
using Npgsql;
using NpgsqlTypes;

namespace Directive920Bot.Storage.Postgres.Delivery;

/// <summary>
/// The ledger in <c>deliveries</c> and the chunks of large expansions in <c>delivery_chunks</c> (template and members as
/// jsonb). A large insert is a binary <c>COPY</c> in the transaction: an occurrence's rows stream to the server in one
/// round trip, and an id already stored still fails the transaction (the primary key holds during COPY).
/// </summary>
internal sealed class PgDeliveryLedger(PostgresStorage db) : IDeliveryLedgerStore
{
    /// <summary>Below this many rows an insert is one multi-row statement; from it on, COPY.</summary>
    public const int CopyThreshold = 64;

    private const string Columns = """
        id AS Id, occurrence_id AS OccurrenceId, campaign_id AS CampaignId, subscriber_id AS SubscriberId,
        kind AS Kind, item_id AS ItemId, content_hash AS ContentHash, html AS Html, payload AS Payload, language AS Language,
        require_ack AS RequireAck, unit_code AS UnitCode, role AS Role, state AS State, attempts AS Attempts, last_error AS LastError,
        message_id AS MessageId, due_at AS DueAt, priority AS Priority, created_at AS CreatedAt, sent_at AS SentAt, channel AS Channel,
        updated_at AS UpdatedAt, parts_sent AS PartsSent
        """;

    private const string InsertColumns = """
        id, occurrence_id, campaign_id, subscriber_id, kind, item_id, content_hash, html, payload, language, require_ack,
        unit_code, role, state, attempts, last_error, message_id, due_at, priority, created_at, sent_at, channel, updated_at, parts_sent
        """;

    private const string Values = """
        @Id, @OccurrenceId, @CampaignId, @SubscriberId, @Kind, @ItemId, @ContentHash, @Html, @Payload, @Language, @RequireAck,
        @UnitCode, @Role, @State, @Attempts, @LastError, @MessageId, @DueAt, @Priority, @CreatedAt, @SentAt, @Channel, @UpdatedAt, @PartsSent
        """;

    private const string ChunkColumns = "id AS Id, campaign_id AS CampaignId, created_at AS CreatedAt, skip_reason AS SkipReason, template::text AS Template, members::text AS Members";

    public DeliveryRow? Find(string id) => db.One<DeliveryRow>($"SELECT {Columns} FROM deliveries WHERE id = @id", new { id });

    public IReadOnlyList<DeliveryRow> ForSubscriber(long subscriberId) =>
        db.Query<DeliveryRow>($"SELECT {Columns} FROM deliveries WHERE subscriber_id = @subscriberId ORDER BY id", new { subscriberId });

    public IReadOnlyList<DeliveryRow> ForCampaign(string campaignId, DeliveryState? state = null) =>
        db.Query<DeliveryRow>($"SELECT {Columns} FROM deliveries WHERE campaign_id = @campaignId AND (@state IS NULL OR state = @state) ORDER BY id",
            new { campaignId, state = state?.ToString() });

    public IReadOnlyList<DeliveryRow> InState(DeliveryState state) =>
        db.Query<DeliveryRow>($"SELECT {Columns} FROM deliveries WHERE state = @state ORDER BY id", new { state = state.ToString() });

    public IReadOnlyList<DeliveryRow> SentBetween(DateTime fromUtc, DateTime toUtc) =>
        db.Query<DeliveryRow>($"SELECT {Columns} FROM deliveries WHERE sent_at >= @fromUtc AND sent_at < @toUtc ORDER BY sent_at, id", new { fromUtc, toUtc });

    public DateTime? EarliestDue(DeliveryState state) =>
        db.One<DateTime?>("SELECT min(due_at) FROM deliveries WHERE state = @state", new { state = state.ToString() });

    public IEnumerable<(string? Id, DeliveryState State, DateTime DueAt)> StatesOf(string campaignId, bool withIds) =>
        db.Query<(string Id, string State, DateTime DueAt)>(
                withIds ? "SELECT id, state, due_at FROM deliveries WHERE campaign_id = @campaignId" : "SELECT NULL::text, state, due_at FROM deliveries WHERE campaign_id = @campaignId",
                new { campaignId })
            .Select(r => ((string?)r.Id, Enum.Parse<DeliveryState>(r.State), DateTime.SpecifyKind(r.DueAt, DateTimeKind.Utc)));

    public void Insert(ITransaction tx, IReadOnlyCollection<DeliveryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count < CopyThreshold)
        {
            foreach (var row in rows)
            {
                db.Execute(tx, $"INSERT INTO deliveries ({InsertColumns}) VALUES ({Values})", Parameters(row));
            }

            return;
        }

        Copy(tx, rows);
    }

    public void Update(ITransaction tx, DeliveryRow row) =>
        db.Execute(tx, $"UPDATE deliveries SET ({InsertColumns}) = ({Values}) WHERE id = @Id", Parameters(row));

    public void Upsert(ITransaction tx, DeliveryRow row) =>
        db.Execute(tx, $"""
            INSERT INTO deliveries ({InsertColumns}) VALUES ({Values})
            ON CONFLICT (id) DO UPDATE SET ({InsertColumns}) = ROW(excluded.*)
            """, Parameters(row));

    public void Delete(ITransaction tx, string id) => db.Execute(tx, "DELETE FROM deliveries WHERE id = @id", new { id });

    public IReadOnlyList<DeliveryChunk> Chunks(string? campaignId = null) =>
        [.. db.Query<ChunkRow>($"SELECT {ChunkColumns} FROM delivery_chunks WHERE @campaignId IS NULL OR campaign_id = @campaignId ORDER BY id", new { campaignId }).Select(c => c.ToChunk())];

    public DeliveryChunk? FindChunk(string id) => db.One<ChunkRow>($"SELECT {ChunkColumns} FROM delivery_chunks WHERE id = @id", new { id })?.ToChunk();

    public DeliveryChunk? FirstChunk() => db.One<ChunkRow>($"SELECT {ChunkColumns} FROM delivery_chunks ORDER BY id LIMIT 1")?.ToChunk();

    public void InsertChunk(ITransaction tx, DeliveryChunk chunk) =>
        db.Execute(tx, "INSERT INTO delivery_chunks (id, campaign_id, created_at, skip_reason, template, members) VALUES (@Id, @CampaignId, @CreatedAt, @SkipReason, @Template::jsonb, @Members::jsonb)", ChunkParameters(chunk));

    /// <summary>
    /// A million-person occurrence is a thousand chunks: one binary COPY sends them in one round trip (a statement per
    /// chunk cost a round trip each, and on a loaded machine each round trip waits for the server's turn on a core).
    /// A chunk id already stored fails the transaction, as the single insert does.
    /// </summary>
    public void InsertChunks(ITransaction tx, IReadOnlyCollection<DeliveryChunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        if (chunks.Count < 4)
        {
            foreach (var chunk in chunks)
            {
                InsertChunk(tx, chunk);
            }

            return;
        }

        var connection = PostgresStorage.ConnectionOf(tx, db);
        try
        {
            using var writer = connection.BeginBinaryImport("COPY delivery_chunks (id, campaign_id, created_at, skip_reason, template, members) FROM STDIN (FORMAT BINARY)");
            foreach (var chunk in chunks)
            {
                writer.StartRow();
                writer.Write(chunk.Id, NpgsqlDbType.Text);
                Nullable(writer, chunk.CampaignId);
                writer.Write(Utc.Of(chunk.CreatedAt), NpgsqlDbType.TimestampTz);
                Nullable(writer, chunk.SkipReason);
                writer.Write(JsonSerializer.Serialize(chunk.Template), NpgsqlDbType.Jsonb);
                writer.Write(JsonSerializer.Serialize(chunk.Members), NpgsqlDbType.Jsonb);
            }

            writer.Complete();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DuplicateKeyException($"A chunk of this expansion is stored already ({ex.ConstraintName}).", ex);
        }
    }

    public void UpdateChunk(ITransaction tx, DeliveryChunk chunk) =>
        db.Execute(tx, "UPDATE delivery_chunks SET campaign_id = @CampaignId, created_at = @CreatedAt, skip_reason = @SkipReason, template = @Template::jsonb, members = @Members::jsonb WHERE id = @Id", ChunkParameters(chunk));

    public void DeleteChunk(ITransaction tx, string id) => db.Execute(tx, "DELETE FROM delivery_chunks WHERE id = @id", new { id });

    private static object ChunkParameters(DeliveryChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return new { chunk.Id, chunk.CampaignId, chunk.CreatedAt, chunk.SkipReason, Template = JsonSerializer.Serialize(chunk.Template), Members = JsonSerializer.Serialize(chunk.Members) };
    }

    private static object Parameters(DeliveryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new
        {
            row.Id, row.OccurrenceId, row.CampaignId, row.SubscriberId, Kind = row.Kind.ToString(), row.ItemId, row.ContentHash,
            row.Html, row.Payload, row.Language, row.RequireAck, row.UnitCode, Role = row.Role?.ToString(), State = row.State.ToString(),
            row.Attempts, row.LastError, row.MessageId, row.DueAt, row.Priority, row.CreatedAt, row.SentAt, row.Channel, row.UpdatedAt, row.PartsSent,
        };
    }

    private void Copy(ITransaction tx, IReadOnlyCollection<DeliveryRow> rows)
    {
        var connection = PostgresStorage.ConnectionOf(tx, db);
        try
        {
            using var writer = connection.BeginBinaryImport($"COPY deliveries ({InsertColumns}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                writer.StartRow();
                writer.Write(row.Id, NpgsqlDbType.Text);
                writer.Write(row.OccurrenceId, NpgsqlDbType.Text);
                Nullable(writer, row.CampaignId);
                writer.Write(row.SubscriberId, NpgsqlDbType.Bigint);
                writer.Write(row.Kind.ToString(), NpgsqlDbType.Text);
                Nullable(writer, row.ItemId);
                Nullable(writer, row.ContentHash);
                Nullable(writer, row.Html);
                Nullable(writer, row.Payload);
                writer.Write(row.Language, NpgsqlDbType.Text);
                writer.Write(row.RequireAck, NpgsqlDbType.Boolean);
                Nullable(writer, row.UnitCode);
                Nullable(writer, row.Role?.ToString());
                writer.Write(row.State.ToString(), NpgsqlDbType.Text);
                writer.Write(row.Attempts, NpgsqlDbType.Integer);
                Nullable(writer, row.LastError);
                if (row.MessageId is { } messageId)
                {
                    writer.Write(messageId, NpgsqlDbType.Integer);
                }
                else
                {
                    writer.WriteNull();
                }

                writer.Write(Utc.Of(row.DueAt), NpgsqlDbType.TimestampTz);
                writer.Write(row.Priority, NpgsqlDbType.Integer);
                writer.Write(Utc.Of(row.CreatedAt), NpgsqlDbType.TimestampTz);
                if (row.SentAt is { } sentAt)
                {
                    writer.Write(Utc.Of(sentAt), NpgsqlDbType.TimestampTz);
                }
                else
                {
                    writer.WriteNull();
                }

                Nullable(writer, row.Channel);
                writer.Write(Utc.Of(row.UpdatedAt), NpgsqlDbType.TimestampTz);
                writer.Write(row.PartsSent, NpgsqlDbType.Integer);
            }

            writer.Complete();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DuplicateKeyException($"A ledger row of this insert is stored already ({ex.ConstraintName}).", ex);
        }
    }

    private static void Nullable(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Text);
        }
    }

    private sealed class ChunkRow
    {
        public string Id { get; set; } = "";

        public string? CampaignId { get; set; }

        public DateTime CreatedAt { get; set; }

        public string? SkipReason { get; set; }

        public string Template { get; set; } = "{}";

        public string Members { get; set; } = "[]";

        public DeliveryChunk ToChunk() => new()
        {
            Id = Id,
            CampaignId = CampaignId,
            CreatedAt = CreatedAt,
            SkipReason = SkipReason,
            Template = JsonSerializer.Deserialize<DeliveryRow>(Template) ?? new DeliveryRow(),
            Members = JsonSerializer.Deserialize<List<ChunkMember>>(Members) ?? [],
        };
    }

    // Retention: rows in a final state last changed before the cutoff (pending and sending rows are never purged).
    public int CountFinishedBefore(DateTime cutoff) =>
        db.One<int>("SELECT count(*)::int FROM deliveries WHERE updated_at < @cutoff AND state IN ('Sent', 'Failed', 'Blocked', 'Skipped')", new { cutoff = Utc.Of(cutoff) });

    public int DeleteFinishedBefore(ITransaction tx, DateTime cutoff) =>
        db.Execute(tx, "DELETE FROM deliveries WHERE updated_at < @cutoff AND state IN ('Sent', 'Failed', 'Blocked', 'Skipped')", new { cutoff = Utc.Of(cutoff) });
}
