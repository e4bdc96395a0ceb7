namespace Directive920Bot.Admin;

/// <summary>The way a privileged action reached the service.</summary>
public enum ActorChannel
{
    Bot,
    Api,
    Console,
}
