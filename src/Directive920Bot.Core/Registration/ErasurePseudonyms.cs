using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Directive920Bot.Registration;

/// <summary>
/// The pseudonyms one erasure gives a person's anonymous remains: one per record (each delivery with its
/// acknowledgement, answers and escalation; each review question; the tombstone), never one for the whole person.
/// One shared pseudonym would let anyone with the file join an erased person's lessons, answers and timings back
/// together — in a unit of five, that is the person again. Each pseudonym is an HMAC of the record's original key
/// under a random key that lives only as long as this object (it is never stored), so the same record gets the same
/// pseudonym in every holder of one erasure, and nothing can recompute or link them afterwards.
/// </summary>
public sealed class ErasurePseudonyms
{
    // Below 2^52 in magnitude, like Telegram's ids: safe in JSON numbers and in any store's integer column.
    private const long Range = 1L << 52;

    private readonly byte[] key;
    private readonly Dictionary<string, long> issued = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> relinked = new(StringComparer.Ordinal);
    private readonly Regex idInKey;

    private ErasurePseudonyms(long subscriberId, byte[] key)
    {
        SubscriberId = subscriberId;
        this.key = key;
        // The person's id as a whole segment of a colon-separated key (":42" must not match ":420").
        idInKey = new Regex(":" + subscriberId.ToString(CultureInfo.InvariantCulture) + "(?=:|$)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>The person being erased.</summary>
    public long SubscriberId { get; }

    /// <summary>The anonymous tombstone's id (unit, role, registration date).</summary>
    public long Tombstone => For("subscriber");

    /// <summary>Every pseudonym handed out so far (for holders that must find what others already relinked).</summary>
    public IReadOnlyCollection<long> Issued => issued.Values;

    /// <summary>Original delivery ids relinked so far.</summary>
    public IReadOnlyCollection<string> RelinkedDeliveries => relinked.Values;

    /// <summary>A fresh erasure with a random key.</summary>
    public static ErasurePseudonyms Create(long subscriberId) => new(subscriberId, RandomNumberGenerator.GetBytes(32));

    /// <summary>An erasure with a known key, for tests that must predict the pseudonyms.</summary>
    public static ErasurePseudonyms WithKey(long subscriberId, ReadOnlySpan<byte> key) => new(subscriberId, key.ToArray());

    /// <summary>The pseudonym of one delivery and of everything recorded about it (acknowledgement, answers, escalation).</summary>
    public long ForDelivery(string originalDeliveryId) => For("d:" + originalDeliveryId);

    /// <summary>The pseudonym of one review question.</summary>
    public long ForReview(string? itemId, string questionId) => For("r:" + itemId + ":" + questionId);

    /// <summary>True when the delivery id names the person (as ledger ids do, after the occurrence).</summary>
    public bool Names(string deliveryId) => idInKey.IsMatch(deliveryId);

    /// <summary>
    /// The delivery id with the person's id replaced by the delivery's pseudonym; the ledger, acknowledgements, answers
    /// and escalations all relink through here, so their links to each other survive. An id that does not name the
    /// person is returned as it is.
    /// </summary>
    public string Relink(string originalDeliveryId)
    {
        ArgumentNullException.ThrowIfNull(originalDeliveryId);
        if (!Names(originalDeliveryId))
        {
            return originalDeliveryId;
        }

        var pseudonym = ForDelivery(originalDeliveryId).ToString(CultureInfo.InvariantCulture);
        var relinkedId = idInKey.Replace(originalDeliveryId, ":" + pseudonym);
        relinked[relinkedId] = originalDeliveryId;
        return relinkedId;
    }

    private long For(string record)
    {
        if (issued.TryGetValue(record, out var known))
        {
            return known;
        }

        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(record));
        var pseudonym = -(long)(BitConverter.ToUInt64(mac, 0) % (ulong)Range) - 1;
        issued[record] = pseudonym;
        return pseudonym;
    }
}
