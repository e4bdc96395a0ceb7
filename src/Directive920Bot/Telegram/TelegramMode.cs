using Microsoft.Extensions.Options;

namespace Directive920Bot.Telegram;

public enum TelegramMode
{
    Polling,
    Webhook,
}
