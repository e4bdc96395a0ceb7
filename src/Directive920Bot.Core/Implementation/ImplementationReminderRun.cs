namespace Directive920Bot.Implementation;

/// <summary>What one reminder pass enqueued: reminders to unit admins and digests to bloc leaders.</summary>
public sealed record ImplementationReminderRun(int Reminders, int Digests);
