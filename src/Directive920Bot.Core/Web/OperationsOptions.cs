namespace Directive920Bot.Web;

/// <summary>Who may read the operator's views (/metrics, the details of /readyz): the holder of the key, or loopback.</summary>
public sealed class OperationsOptions
{
    public const string Section = "Metrics";

    /// <summary>Sent as "Authorization: Bearer &lt;key&gt;" or "X-Metrics-Key: &lt;key&gt;"; never logged. Empty: loopback only.</summary>
    public string? Key { get; set; }
}
