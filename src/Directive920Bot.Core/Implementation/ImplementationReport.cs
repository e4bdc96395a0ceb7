namespace Directive920Bot.Implementation;

/// <summary>What one unit did about one requirement in one period. Id: <c>{period}|{unit}|{requirement}</c>.</summary>
public sealed class ImplementationReport
{
    public string Id { get; set; } = "";

    public string PeriodId { get; set; } = "";

    public string UnitCode { get; set; } = "";

    public string RequirementId { get; set; } = "";

    public ImplementationStatus Status { get; set; }

    /// <summary>What was done (short text).</summary>
    public string? Actions { get; set; }

    /// <summary>Results or figures.</summary>
    public string? Results { get; set; }

    public string? Difficulties { get; set; }

    /// <summary>Kiến nghị, which go to the bloc.</summary>
    public string? Proposals { get; set; }

    public string? EvidenceLink { get; set; }

    public Evidence? Evidence { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The actor of the last change (<c>bot:9002</c>, <c>api:ops</c>).</summary>
    public string UpdatedBy { get; set; } = "";

    public static string IdFor(string periodId, string unitCode, string requirementId) => $"{periodId}|{unitCode}|{requirementId}";
}
