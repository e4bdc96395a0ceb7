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
    /// Outbound: where to reach the person on <paramref name="channel"/>; null when they have no address there. A
    /// Telegram-derived id is its own Telegram address, stored or not (a reply before consent, and no look-up per send).
    /// </summary>
    public static ChannelAddress? AddressOn(this IPersonDirectory directory, long personId, string channel)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (channel == ChannelAddress.Telegram && PersonIds.IsTelegramDerived(personId))
        {
            return ChannelAddress.ForTelegram(personId);
        }

        return directory.AddressesOf(personId).FirstOrDefault(a => a.Channel == channel);
    }
}
