namespace Directive920Bot.Content;

/// <summary>A clause of the notice. <see cref="Audience"/> is the raw value (all, leaders, staff, agencies).</summary>
public sealed record Clause(string Id, string Audience, string TitleVi, string TitleEn);
