using System.Globalization;
using System.Text.RegularExpressions;

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

    /// <summary>The actor of an entry whose actor asked to be erased: the action stays on record, the person does not.</summary>
    public const long ErasedActor = -1;

    /// <summary>What replaces an erased person's id in a target or the details.</summary>
    public const string ErasedMark = "(erased)";

    /// <summary>True when the person did the action or is named by it (their id as a whole number in target or details).</summary>
    public static bool Mentions(AuditEntry entry, long personId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Actor == personId || IdPattern(personId).IsMatch(entry.Target) || IdPattern(personId).IsMatch(entry.Details);
    }

    /// <summary>Takes the person's id out of the entry: the actor becomes <see cref="ErasedActor"/>, the id in text <see cref="ErasedMark"/>.</summary>
    public static void Redact(AuditEntry entry, long personId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Actor == personId)
        {
            entry.Actor = ErasedActor;
        }

        entry.Target = IdPattern(personId).Replace(entry.Target, ErasedMark);
        entry.Details = IdPattern(personId).Replace(entry.Details, ErasedMark);
    }

    // A whole number only: the id 123 must not match inside 41234 or a date.
    private static Regex IdPattern(long personId) =>
        new($@"(?<![0-9]){personId.ToString(CultureInfo.InvariantCulture)}(?![0-9])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
