namespace Directive920Bot.Channels;

/// <summary>
/// A message a person typed in their private chat with the bot: a command or a step of a dialogue.
/// </summary>
/// <param name="Text">
/// What was typed, as sent; empty when the message carries no text (a sticker, a photo, a voice note), which a
/// dialogue answers like text it cannot use.
/// </param>
/// <param name="MessageId">The message's id in its chat.</param>
public sealed record InboundText(string Text, int MessageId);
