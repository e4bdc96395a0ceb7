using System.Globalization;

namespace Directive920Bot.Admin;

/// <summary>
/// Who performs a privileged action, as the audit log and the changed records name them.
/// </summary>
/// <param name="Channel">The bot, the admin API or the CLI at the server's console.</param>
/// <param name="AuditId">The audit entry's actor: a Telegram user id, or <see cref="AuditLog.Console"/> for the console and for an API key that names no user.</param>
/// <param name="Name">What records such as a campaign's <c>CreatedBy</c> keep, e.g. <c>bot:9001</c>, <c>api:ops</c>, <c>cli:root</c>.</param>
public sealed record Actor(ActorChannel Channel, long AuditId, string Name)
{
    /// <summary>A Telegram user acting in the bot.</summary>
    public static Actor Bot(long userId) => new(ActorChannel.Bot, userId, "bot:" + userId.ToString(CultureInfo.InvariantCulture));

    /// <summary>An admin API key (its name, e.g. <c>api:ops</c>) and the Telegram user it names, if any.</summary>
    public static Actor Api(string keyName, long? userId) => new(ActorChannel.Api, userId ?? AuditLog.Console, keyName);

    /// <summary>A Telegram user signed in to the web console.</summary>
    public static Actor Web(long userId) => new(ActorChannel.Web, userId, "web:" + userId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The operator at the server's console, by their login name.</summary>
    public static Actor Console(string operatorName) => new(ActorChannel.Console, AuditLog.Console, "cli:" + operatorName);
}
