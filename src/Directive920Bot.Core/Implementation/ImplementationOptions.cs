namespace Directive920Bot.Implementation;

/// <summary>Configuration of the implementation reports (<c>Implementation:*</c>).</summary>
public sealed class ImplementationOptions
{
    public const string Section = "Implementation";

    /// <summary>Quarter (default), Month or HalfYear.</summary>
    public PeriodKind Period { get; set; } = PeriodKind.Quarter;

    /// <summary>The largest evidence file accepted, in bytes (default 10 MB).</summary>
    public long MaxEvidenceBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Where evidence files are kept; default: the folder <c>evidence</c> beside the database.</summary>
    public string? EvidencePath { get; set; }

    /// <summary>Depth in the unit tree of the units that report (1: the bloc's grassroots party committees and agencies).</summary>
    public int UnitDepth { get; set; } = 1;

    /// <summary>How many days before a period's deadline units that have not reported are reminded.</summary>
    public int ReminderDaysBefore { get; set; } = 7;

    /// <summary>The requirement ids units report on; default: the items of the content for leaders and for staff (L1–L5, S1–S3).</summary>
    public IList<string> Requirements { get; } = [];
}
