using Directive920Bot.Channels;
using Directive920Bot.Localization;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Directive920Bot.Telegram;

/// <summary>Publishes the cadre-facing command menu in Vietnamese (the default) and English at start.</summary>
public sealed class BotCommandsRegistrar(ITelegramBotClient bot, UpdateRouter router, ILogger<BotCommandsRegistrar> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var menu = router.Commands.Where(c => c.InMenu && c.Access is CommandAccess.Anyone or CommandAccess.Registered).ToList();
        try
        {
            foreach (var language in new[] { Languages.Vietnamese, Languages.English })
            {
                var commands = menu.Select(c => new BotCommand { Command = c.Name, Description = c.Description.For(language) });
                // Vietnamese is also the menu for every language Telegram reports that we do not translate.
                await bot.SetMyCommands(commands, languageCode: language == Languages.Vietnamese ? null : language, cancellationToken: cancellationToken);
            }
        }
        catch (Exception ex) when (ex is global::Telegram.Bot.Exceptions.RequestException or HttpRequestException)
        {
            log.LogWarning(ex, "setMyCommands failed; the menu will be set at the next start");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
