namespace Directive920Bot.Channels;

public sealed record OutboundFile(string FileName, byte[] Content, string? CaptionHtml = null);
