namespace Directive920Bot.Channels;

/// <summary>Who is waiting for a send: a cadre's own action goes ahead of queued broadcasts.</summary>
public enum SendPriority
{
    Interactive = 0,
    Broadcast = 1,
}
