using Directive920Bot.Channels;

namespace Directive920Bot.Zalo;

public static class ChannelNames
{
    /// <summary>The Zalo channel's name in addresses (<c>zalo:&lt;user id&gt;</c>), the ledger and keyed services.</summary>
    public const string Zalo = ChannelAddress.Zalo;
}
