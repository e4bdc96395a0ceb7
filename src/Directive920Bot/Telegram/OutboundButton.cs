namespace Directive920Bot.Telegram;

public sealed record OutboundButton(string Label, string? CallbackKey = null, string? Url = null);
