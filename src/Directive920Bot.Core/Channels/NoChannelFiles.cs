namespace Directive920Bot.Channels;

/// <summary>
/// Files when no channel that receives them runs (a Zalo-only deployment: the Zalo adapter passes no documents on), so
/// nothing asks for one; a call is a defect and says so.
/// </summary>
public sealed class NoChannelFiles : IChannelFiles
{
    public Task<Stream> OpenAsync(string fileId, CancellationToken ct) =>
        throw new InvalidOperationException("No channel that receives files is configured.");
}
