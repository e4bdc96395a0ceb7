using System.Globalization;

namespace Directive920Bot.Delivery;

/// <summary>
/// An occurrence's rows as they are planned, before the transaction that stores them: the first
/// <c>Delivery:ExpansionChunkSize</c> as rows, every further one folded into a chunk member at once. So a
/// 100,000-person expansion holds 99,000 small members, not 99,000 rows, while it waits for the writer.
/// </summary>
internal sealed class ExpansionRows(int chunkSize, DateTime now)
{
    private DeliveryChunk? current;

    /// <summary>The rows written as rows.</summary>
    public List<DeliveryRow> First { get; } = [];

    public List<DeliveryChunk> Chunks { get; } = [];

    public int Count { get; private set; }

    public static ExpansionRows Of(IEnumerable<DeliveryRow> rows, int chunkSize, DateTime now)
    {
        var plan = new ExpansionRows(chunkSize, now);
        foreach (var row in rows)
        {
            plan.Add(row);
        }

        return plan;
    }

    public void Add(DeliveryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Add(new DeliveryRecipient(row.SubscriberId, row.Language, row.UnitCode, row.Role), row.State == DeliveryState.Skipped ? row.LastError : null, () => row);
    }

    /// <summary>
    /// Adds the row for <paramref name="to"/>; <paramref name="row"/> is called only where a whole row is needed (the
    /// first chunk's rows, and each chunk's template), so the rest of the audience costs a member each.
    /// </summary>
    public void Add(DeliveryRecipient to, string? skipReason, Func<DeliveryRow> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Count++;
        if (First.Count < chunkSize)
        {
            First.Add(row());
            return;
        }

        if (current is null || current.Members.Count == chunkSize)
        {
            var template = row();
            current = new DeliveryChunk
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"{template.OccurrenceId}#{Chunks.Count + 1:D6}"),
                CampaignId = template.CampaignId,
                CreatedAt = now,
                Template = DeliveryChunk.TemplateOf(template),
                Members = new List<ChunkMember>(chunkSize),
            };
            Chunks.Add(current);
        }

        current.Members.Add(new ChunkMember { S = to.SubscriberId, L = to.Language, U = to.UnitCode, R = to.Role, Skip = skipReason });
    }
}
