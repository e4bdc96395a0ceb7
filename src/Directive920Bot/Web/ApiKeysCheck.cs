using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Web;

/// <summary>Marker bound at start so that a mistyped API key entry stops the service instead of silently granting nothing.</summary>
public sealed class ApiKeysCheck
{
}
