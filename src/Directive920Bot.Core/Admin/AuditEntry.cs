namespace Directive920Bot.Admin;

/// <summary>One privileged action: who did what to what, and when. Never updated, never deleted.</summary>
public sealed class AuditEntry
{
    public int Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The Telegram user id of the actor; 0 for the CLI (the operator at the console).</summary>
    public long Actor { get; set; }

    /// <summary>e.g. <c>role.grant</c>, <c>role.revoke</c>, <c>roster.import</c>, <c>export</c>, <c>nudge</c>, <c>campaign.create</c>.</summary>
    public string Action { get; set; } = "";

    public string Target { get; set; } = "";

    public string Details { get; set; } = "";
}
