namespace Directive920Bot.Channels;

/// <summary>The two look-ups adapters make, with the rule of <see cref="PersonIds"/> applied.</summary>
public static class PersonDirectoryExtensions
{
    /// <summary>Inbound: the person who wrote from <paramref name="address"/>: the stored one, or the provisional id (nothing is stored before consent).</summary>
    public static long PersonFor(this IPersonDirectory directory, ChannelAddress address)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return directory.Find(address) ?? PersonIds.Provisional(address);
    }

    /// <summary>
    /// Outbound: where to reach the person on <paramref name="channel"/>: the stored address there; else, for a
    /// Telegram-derived id, its own Telegram address (a reply before consent needs nothing stored); else null.
    /// </summary>
    public static ChannelAddress? AddressOn(this IPersonDirectory directory, long personId, string channel)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var stored = directory.AddressesOf(personId).FirstOrDefault(a => a.Channel == channel);
        if (stored is not null)
        {
            return stored;
        }

        return channel == ChannelAddress.Telegram && PersonIds.IsTelegramDerived(personId) ? ChannelAddress.ForTelegram(personId) : null;
    }
}
