namespace Directive920Bot.Telegram;

public enum TelegramMode
{
    Polling,
    Webhook,
}
