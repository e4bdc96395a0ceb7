using System.Security.Cryptography;
using System.Text;

namespace Directive920Bot.Channels;

/// <summary>The check every channel's webhook makes first: the secret header against the configured secret.</summary>
public static class WebhookSecret
{
    /// <summary>True only when both are set and equal, compared in constant time (no timing hint about the secret).</summary>
    public static bool Matches(string? given, string? expected)
    {
        if (string.IsNullOrEmpty(given) || string.IsNullOrEmpty(expected))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
    }
}
