namespace Directive920Bot.Channels;

/// <summary>
/// Sees a person's input before any handler does and may answer it instead (e.g. consent asked again after its text
/// changed). The router asks every gate for every command, text, document and button press.
/// </summary>
public interface IInboundGate
{
    /// <param name="context">The person and their stored profile.</param>
    /// <param name="kind">What came in.</param>
    /// <param name="name">A command's name or a press's action (<see cref="CallbackKey.Action"/>); null otherwise.</param>
    /// <returns>True when the gate answered and nothing else may handle the input.</returns>
    Task<bool> HoldAsync(BotContext context, InboundKind kind, string? name, CancellationToken ct);
}
