namespace Directive920Bot.Implementation;

/// <summary>A change to one report; a null member leaves that field as it is, an empty text clears it.</summary>
public sealed record ReportChange(
    ImplementationStatus? Status = null,
    string? Actions = null,
    string? Results = null,
    string? Difficulties = null,
    string? Proposals = null,
    string? EvidenceLink = null,
    Evidence? Evidence = null);
