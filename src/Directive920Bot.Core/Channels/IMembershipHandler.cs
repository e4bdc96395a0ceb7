namespace Directive920Bot.Channels;

/// <summary>A person blocking or unblocking the bot.</summary>
public interface IMembershipHandler
{
    Task HandleAsync(MembershipChange change, CancellationToken ct);
}
