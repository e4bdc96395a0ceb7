namespace Directive920Bot.Registration;

public enum SubscriberStatus
{
    /// <summary>Consented, registration not finished: never counted in reports, never sent pushes.</summary>
    Registering,
    Active,
    /// <summary>Asked for no more pushes (/stop); kept for reports until deletion.</summary>
    Stopped,
    /// <summary>Blocked the bot or the chat is gone; a later unblock makes them active again.</summary>
    Blocked,
}
