namespace Directive920Bot.Channels;

/// <summary>
/// Takes a plain message that is neither a command nor a step of a dialogue (a cadre typing a question in their own
/// words); the router asks each in turn and answers "not understood" only when none takes it.
/// </summary>
public interface IFreeTextHandler
{
    Task<bool> TryHandleAsync(BotContext context, InboundText message, CancellationToken ct);
}
