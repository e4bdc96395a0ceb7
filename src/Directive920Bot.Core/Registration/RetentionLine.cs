namespace Directive920Bot.Registration;

/// <summary>One kind of data in a retention run: its period, the cutoff (UTC) and how many records it deletes or deleted.</summary>
public sealed record RetentionLine(RetentionKind Kind, TimeSpan Period, DateTime Cutoff, int Count);
