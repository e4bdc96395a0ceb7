namespace Directive920Bot.Registration;

/// <summary>What remains of a subscriber who asked for deletion: enough for anonymous counts, nothing personal.</summary>
public sealed class ErasedSubscriber
{
    /// <summary>A random negative pseudonym that replaced the Telegram id in other collections.</summary>
    public long Id { get; set; }

    public string? UnitCode { get; set; }

    public CadreRole? Role { get; set; }

    public DateTime? RegisteredAt { get; set; }

    public DateTime ErasedAt { get; set; }
}
