namespace Directive920Bot.Channels;

public sealed record OutboundButton(string Label, string? CallbackKey = null, string? Url = null);
