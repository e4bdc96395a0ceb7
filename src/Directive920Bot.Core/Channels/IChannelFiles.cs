namespace Directive920Bot.Channels;

/// <summary>
/// Reads a file a person sent. How a file is fetched is the channel's business (Telegram: getFile, then a download
/// from an address that holds the token), so features name the file by the id the event gave them and nothing more.
/// </summary>
public interface IChannelFiles
{
    /// <summary>
    /// The whole file, read into memory and positioned at its start; the caller disposes it. Callers check
    /// <see cref="InboundDocument.FileSize"/> first: the file is read whole.
    /// </summary>
    Task<Stream> OpenAsync(string fileId, CancellationToken ct);
}
