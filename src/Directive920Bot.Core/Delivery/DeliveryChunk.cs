namespace Directive920Bot.Delivery;

/// <summary>
/// Up to <c>Delivery:ExpansionChunkSize</c> rows of one occurrence kept as one document until they are ledger rows (on
/// the embedded store each row is written when the dispatcher claims it, see <see cref="HeldRows"/>; on a shared store
/// the materialiser writes the chunk out at once): what the rows share is stored once, what differs per person in <see cref="Members"/>.
/// Part of the ledger: counted by campaign progress, skipped by cancel, erased with a person's data.
/// </summary>
public sealed class DeliveryChunk
{
    public string Id { get; set; } = "";

    public string? CampaignId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>A row without the per-person fields.</summary>
    public DeliveryRow Template { get; set; } = new();

    public List<ChunkMember> Members { get; set; } = [];

    /// <summary>Set by a cancel: the rows are written out as skipped with this reason.</summary>
    public string? SkipReason { get; set; }

    public string RowId(ChunkMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return DeliveryRows.IdFor(Template.OccurrenceId, member.S);
    }

    internal static DeliveryRow TemplateOf(DeliveryRow row) => new()
    {
        OccurrenceId = row.OccurrenceId,
        CampaignId = row.CampaignId,
        Kind = row.Kind,
        ItemId = row.ItemId,
        ContentHash = row.ContentHash,
        Html = row.Html,
        Payload = row.Payload,
        RequireAck = row.RequireAck,
        DueAt = row.DueAt,
        Priority = row.Priority,
        CreatedAt = row.CreatedAt,
    };

    // The rows as expansion made them: created when the occurrence was expanded, updated when the ledger stores them.
    internal IEnumerable<DeliveryRow> ToRows() => Members.Select(ToRow);

    internal DeliveryRow ToRow(ChunkMember m) => DeliveryRows.For(
        Template.OccurrenceId, new DeliveryRecipient(m.S, m.L, m.U, m.R), Template.Kind, Template.DueAt, Template.CreatedAt,
        campaignId: Template.CampaignId,
        itemId: Template.ItemId,
        contentHash: Template.ContentHash,
        html: Template.Html,
        payload: Template.Payload,
        requireAck: Template.RequireAck,
        priority: Template.Priority,
        skipReason: SkipReason ?? m.Skip);
}
