using Directive920Bot.Channels;
using Telegram.Bot;

namespace Directive920Bot.Telegram;

/// <summary>Files people send, read with getFile and a download from the Bot API's file address.</summary>
public sealed class TelegramFiles(ITelegramBotClient bot) : IChannelFiles
{
    public async Task<Stream> OpenAsync(string fileId, CancellationToken ct)
    {
        var content = new MemoryStream();
        try
        {
            var file = await bot.GetFile(fileId, ct);
            await bot.DownloadFile(file, content, ct);
            content.Position = 0;
            return content;
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }
    }
}
