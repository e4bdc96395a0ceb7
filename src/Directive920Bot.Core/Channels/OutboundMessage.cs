namespace Directive920Bot.Channels;

/// <summary>
/// A message as features describe it, independent of the channel: Telegram-subset HTML and rows of buttons
/// whose callback data is an opaque key from <see cref="CallbackKeyStore"/>. Every <see cref="IChannelSender"/>
/// maps the same model to its channel (a Zalo adapter would turn the buttons into numbered replies).
/// </summary>
public sealed record OutboundMessage(string Html, IReadOnlyList<IReadOnlyList<OutboundButton>>? Buttons = null)
{
    public static OutboundMessage Text(string html) => new(html);

    public OutboundMessage WithButtons(params IReadOnlyList<OutboundButton>[] rows) => this with { Buttons = rows };
}
