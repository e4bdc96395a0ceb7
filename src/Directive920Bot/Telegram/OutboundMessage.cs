namespace Directive920Bot.Telegram;

/// <summary>
/// A message as features describe it, independent of the channel: Telegram-subset HTML and rows of buttons
/// whose callback data is an opaque key from <see cref="CallbackKeyStore"/>. A Zalo channel would map the same model.
/// </summary>
public sealed record OutboundMessage(string Html, IReadOnlyList<IReadOnlyList<OutboundButton>>? Buttons = null)
{
    public static OutboundMessage Text(string html) => new(html);

    public OutboundMessage WithButtons(params IReadOnlyList<OutboundButton>[] rows) => this with { Buttons = rows };
}
