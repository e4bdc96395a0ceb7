namespace Directive920Bot.Channels;

/// <summary>
/// A channel whose addresses do not carry their person id (Zalo: string ids, provisional ids are hashes) keeps, in
/// memory, where a provisional id can be answered. The adapter fills it as senders write; a feature that makes a known
/// address unknown again (<c>/huylienket</c> on the address itself) tells it, so that its last reply still arrives.
/// Registered keyed by channel name; Telegram needs none (a Telegram user's provisional id is their own id).
/// </summary>
public interface IProvisionalAddresses
{
    /// <summary>Replies to <paramref name="personId"/> (a provisional id) go to <paramref name="address"/> from now on.</summary>
    void RememberProvisional(long personId, ChannelAddress address);
}
