using System.Globalization;
using Directive920Bot.Channels;

namespace Directive920Bot.Admin;

/// <summary>
/// How configuration (<c>Bot:SuperAdmins</c>), <c>/capquyen</c> and the CLI name a person: a person id (a number; a
/// Telegram user's is their Telegram id), or a channel address <c>zalo:&lt;id&gt;</c> / <c>telegram:&lt;id&gt;</c>, which the
/// person directory resolves — so an admin first seen on Zalo, whose person id is allocated, can be named before anyone
/// knows that id.
/// </summary>
public static class PersonReference
{
    /// <summary>Whether <paramref name="text"/> is well formed (a positive id, or <c>channel:id</c> of a known channel).</summary>
    public static bool IsWellFormed(string? text) => TryParse(text, out _, out _);

    /// <summary>A positive person id, or an address; false for anything else.</summary>
    public static bool TryParse(string? text, out long personId, out ChannelAddress? address)
    {
        personId = 0;
        address = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out personId))
        {
            return personId > 0;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        var channel = text[..colon].ToLowerInvariant();
        var id = text[(colon + 1)..];
        if (channel == ChannelAddress.Telegram)
        {
            if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var userId) || !PersonIds.IsTelegramDerived(userId))
            {
                return false;
            }
        }
        else if (channel != ChannelAddress.Zalo || id.Any(char.IsWhiteSpace))
        {
            return false;
        }

        address = new ChannelAddress(channel, id);
        return true;
    }

    /// <summary>
    /// The person named: the id itself, or the person the directory stores for the address. With
    /// <paramref name="beforeConsent"/>, an address nobody consented from yet resolves to the id its sender will have
    /// until then (the provisional one; a Telegram user's own id): the right that configuration gives applies from the
    /// first message. Without it such an address resolves to null (a role is stored per person, never per provisional id).
    /// </summary>
    public static long? Resolve(string? text, IPersonDirectory directory, bool beforeConsent = false)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!TryParse(text, out var personId, out var address))
        {
            return null;
        }

        if (address is null)
        {
            return personId;
        }

        if (directory.Find(address) is { } stored)
        {
            return stored;
        }

        if (address.TryTelegramId(out var userId))
        {
            return userId;
        }

        return beforeConsent ? PersonIds.Provisional(address) : null;
    }
}
