namespace Directive920Bot.Web;

/// <summary>Marker bound at start so that a mistyped API key entry stops the service instead of silently granting nothing.</summary>
public sealed class ApiKeysCheck
{
}
