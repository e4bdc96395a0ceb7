namespace Directive920Bot.Registration;

/// <summary>What remains of a subscriber who asked for deletion: enough for anonymous counts, nothing personal.</summary>
public sealed class ErasedSubscriber
{
    /// <summary>A negative pseudonym of its own (see <see cref="ErasurePseudonyms"/>): the person's other records carry others, so the tombstone joins with none of them.</summary>
    public long Id { get; set; }

    public string? UnitCode { get; set; }

    public CadreRole? Role { get; set; }

    public DateTime? RegisteredAt { get; set; }

    public DateTime ErasedAt { get; set; }
}
