namespace Directive920Bot.Admin;

/// <summary>The way a privileged action reached the service.</summary>
public enum ActorChannel
{
    Bot,
    Api,
    Console,
    /// <summary>The web console in a browser, signed in through a <c>/web</c> link.</summary>
    Web,
}
