using Directive920Bot.Channels;
using Telegram.Bot;

namespace Directive920Bot.Telegram;

/// <summary>
/// Telegram's deep links, <c>https://t.me/&lt;username&gt;?start=&lt;parameter&gt;</c>: the bot's username comes from
/// <c>getMe</c> once (it is the token's, so it cannot change while the process runs); a failed call is tried again next time.
/// </summary>
internal sealed class TelegramInviteLinks(ITelegramBotClient client, ILogger<TelegramInviteLinks> logger) : IInviteLinks
{
    private string? username;

    public async Task<Uri?> LinkAsync(string startParameter, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(startParameter);
        if (Volatile.Read(ref username) is not { } name)
        {
            try
            {
                name = (await client.GetMe(ct)).Username;
            }
            catch (Exception ex) when (ex is HttpRequestException or global::Telegram.Bot.Exceptions.RequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                logger.LogWarning("getMe failed, no invite link this time: {Error}", ex.Message);
                return null;
            }

            if (string.IsNullOrEmpty(name))
            {
                return null;
            }

            Volatile.Write(ref username, name);
        }

        return new Uri($"https://t.me/{name}?start={Uri.EscapeDataString(startParameter)}");
    }
}
