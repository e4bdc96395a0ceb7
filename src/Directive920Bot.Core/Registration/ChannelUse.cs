namespace Directive920Bot.Registration;

/// <summary>
/// The channels a registered person uses (reports count people per unit by it, never addresses): set at consent from the
/// channel they consented on, widened when they link the other one (<see cref="LinkHandler"/>). <see cref="None"/> on
/// records written before it existed: <see cref="Subscriber.ChannelsInUse"/> derives it from the person id.
/// </summary>
[Flags]
public enum ChannelUse
{
    None = 0,
    Telegram = 1,
    Zalo = 2,
    Both = Telegram | Zalo,
}
