namespace Directive920Bot.Channels;

/// <summary>What a person sent, as an <see cref="IInboundGate"/> sees it.</summary>
public enum InboundKind
{
    Command,
    Text,
    Document,
    Press,
}
