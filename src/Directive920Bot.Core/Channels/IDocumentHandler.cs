namespace Directive920Bot.Channels;

/// <summary>A document a user sends (a roster file, for instance).</summary>
public interface IDocumentHandler
{
    /// <summary>True when this handler took the document.</summary>
    Task<bool> TryHandleAsync(BotContext context, InboundDocument document, CancellationToken ct);
}
