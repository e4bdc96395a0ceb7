namespace Directive920Bot.Reports;

/// <summary>One row of the member export: a registered subscriber, a roster member, or both.</summary>
public sealed record MemberRow(string UnitCode, string FullName, string Role, string Position, string Source, string Status, int Delivered, int Acknowledged);
