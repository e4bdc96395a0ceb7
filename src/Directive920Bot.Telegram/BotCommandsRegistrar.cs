using Directive920Bot.Channels;
using Directive920Bot.Localization;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Directive920Bot.Telegram;

/// <summary>
/// Publishes the cadre-facing command menu at start: Vietnamese names and descriptions (/baihoc, /tiendo …) for "vi" and
/// as the default for languages we do not translate, English names and descriptions for "en". Every name works in both.
/// </summary>
public sealed class BotCommandsRegistrar(ITelegramBotClient bot, UpdateRouter router, ILogger<BotCommandsRegistrar> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var menu = router.Commands.Where(c => c.InMenu && c.Access is CommandAccess.Anyone or CommandAccess.Registered).ToList();
        try
        {
            // Vietnamese is also the menu (null code) for every language Telegram reports that we do not translate.
            foreach (var (language, code) in new[] { (Languages.Vietnamese, (string?)null), (Languages.Vietnamese, Languages.Vietnamese), (Languages.English, Languages.English) })
            {
                var commands = menu.Select(c => new BotCommand { Command = c.NameFor(language), Description = c.Description.For(language) });
                await bot.SetMyCommands(commands, languageCode: code, cancellationToken: cancellationToken);
            }
        }
        catch (Exception ex) when (ex is global::Telegram.Bot.Exceptions.RequestException or HttpRequestException)
        {
            log.LogWarning(ex, "setMyCommands failed; the menu will be set at the next start");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
