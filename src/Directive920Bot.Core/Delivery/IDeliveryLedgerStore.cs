using Directive920Bot.Storage;

namespace Directive920Bot.Delivery;

/// <summary>
/// The ledger's rows and the chunks of large expansions (<see cref="DeliveryChunk"/>), as stored. Only
/// <see cref="DeliveryLedger"/> uses it: the state transitions, the due queue and the publishing stay there, so this
/// holds no decision. Reads see committed data (and, on the writer, what the transaction under way wrote).
/// </summary>
public interface IDeliveryLedgerStore
{
    DeliveryRow? Find(string id);

    IReadOnlyList<DeliveryRow> ForSubscriber(long subscriberId);

    /// <summary>The campaign's rows, or those of them in <paramref name="state"/>.</summary>
    IReadOnlyList<DeliveryRow> ForCampaign(string campaignId, DeliveryState? state = null);

    IReadOnlyList<DeliveryRow> InState(DeliveryState state);

    /// <summary>Rows whose <see cref="DeliveryRow.SentAt"/> is in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    IReadOnlyList<DeliveryRow> SentBetween(DateTime fromUtc, DateTime toUtc);

    /// <summary>The earliest due time among rows in <paramref name="state"/>, or null when there is none.</summary>
    DateTime? EarliestDue(DeliveryState state);

    /// <summary>
    /// State and due time of each of the campaign's rows, streamed without reading the rows whole (progress of large
    /// campaigns); the row id only when <paramref name="withIds"/>, null otherwise.
    /// </summary>
    IEnumerable<(string? Id, DeliveryState State, DateTime DueAt)> StatesOf(string campaignId, bool withIds);

    /// <summary>Inserts new rows (one bulk write); an id already stored fails the transaction.</summary>
    void Insert(ITransaction tx, IReadOnlyCollection<DeliveryRow> rows);

    void Update(ITransaction tx, DeliveryRow row);

    /// <summary>Stores the row under its id, whether or not one is stored there.</summary>
    void Upsert(ITransaction tx, DeliveryRow row);

    void Delete(ITransaction tx, string id);

    /// <summary>Rows in a final state (sent, failed, blocked, skipped) last updated before <paramref name="cutoff"/>.</summary>
    int CountFinishedBefore(DateTime cutoff);

    /// <summary>Deletes the rows <see cref="CountFinishedBefore"/> counts; returns how many.</summary>
    int DeleteFinishedBefore(ITransaction tx, DateTime cutoff);

    /// <summary>Every chunk, or the campaign's.</summary>
    IReadOnlyList<DeliveryChunk> Chunks(string? campaignId = null);

    /// <summary>The chunk stored under <paramref name="id"/>, or null.</summary>
    DeliveryChunk? FindChunk(string id);

    /// <summary>The first chunk in id order, reading no other; null when none is left.</summary>
    DeliveryChunk? FirstChunk();

    void InsertChunk(ITransaction tx, DeliveryChunk chunk);

    /// <summary>
    /// Inserts an expansion's chunks together: a store with a bulk path (PostgreSQL's COPY) sends them in one round trip
    /// instead of one statement each (a million-person occurrence has a thousand chunks).
    /// </summary>
    void InsertChunks(ITransaction tx, IReadOnlyCollection<DeliveryChunk> chunks);

    void UpdateChunk(ITransaction tx, DeliveryChunk chunk);

    void DeleteChunk(ITransaction tx, string id);
}
