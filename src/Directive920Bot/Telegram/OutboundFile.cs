namespace Directive920Bot.Telegram;

public sealed record OutboundFile(string FileName, byte[] Content, string? CaptionHtml = null);
