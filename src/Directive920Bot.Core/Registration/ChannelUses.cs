using Directive920Bot.Channels;

namespace Directive920Bot.Registration;

/// <summary>Names and derivations of <see cref="ChannelUse"/>.</summary>
public static class ChannelUses
{
    /// <summary>The use of one channel by its address name; None for a channel reports do not know.</summary>
    public static ChannelUse Of(string channel) => channel switch
    {
        ChannelAddress.Telegram => ChannelUse.Telegram,
        ChannelAddress.Zalo => ChannelUse.Zalo,
        _ => ChannelUse.None,
    };

    /// <summary>What a record without it used: a Telegram-derived id came on Telegram, any other stored id on Zalo.</summary>
    public static ChannelUse Effective(ChannelUse stored, long personId) =>
        stored != ChannelUse.None ? stored : PersonIds.IsTelegramDerived(personId) ? ChannelUse.Telegram : ChannelUse.Zalo;
}
