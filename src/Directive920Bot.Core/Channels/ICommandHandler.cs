namespace Directive920Bot.Channels;

/// <summary>A feature's commands; the router has checked <see cref="CommandSpec.Access"/> before calling.</summary>
public interface ICommandHandler
{
    IReadOnlyList<CommandSpec> Commands { get; }

    /// <param name="arguments">What follows the command name, trimmed (the start parameter of <c>/start u_abc</c>).</param>
    /// <param name="message">The message the command came in.</param>
    Task HandleAsync(BotContext context, CommandSpec command, string arguments, InboundText message, CancellationToken ct);
}
