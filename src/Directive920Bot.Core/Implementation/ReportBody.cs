namespace Directive920Bot.Implementation;

/// <summary>The JSON body of <c>PUT /api/implementation/units/{unit}/periods/{period}/{requirement}</c>; null members are left as they are.</summary>
public sealed record ReportBody(string? Status, string? Actions, string? Results, string? Difficulties, string? Proposals, string? EvidenceLink);
