using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Directive920Bot.Channels;

/// <summary>
/// The rule of person ids. A person id is ours, a <see cref="long"/> that features use everywhere (subscriber, ledger,
/// acknowledgements, roles); a channel address maps to it through the <see cref="IPersonDirectory"/>. Three ranges
/// that cannot meet:
/// <list type="bullet">
/// <item>below 2^52: derived from a Telegram user id, equal to it. The Bot API documents that a user id "has at most 52
/// significant bits", so every Telegram user has one without anything stored, and every database written before the
/// directory existed keeps its ids (its subscribers' ids were Telegram user ids).</item>
/// <item>from 2^53 (<see cref="FirstAllocated"/>) below 2^62: allocated by the store, one by one, for a person who
/// first came on another channel (Zalo).</item>
/// <item>from 2^62 (<see cref="FirstProvisional"/>): provisional ids of senders on other channels before they consented;
/// derived from the address, never stored (consent first: nothing personal is kept before it).</item>
/// </list>
/// </summary>
public static class PersonIds
{
    /// <summary>Telegram user ids are below this (at most 52 significant bits, Bot API <c>User.id</c>).</summary>
    public const long TelegramLimit = 1L << 52;

    /// <summary>The first id the store allocates for a person who came on a channel other than Telegram.</summary>
    public const long FirstAllocated = 1L << 53;

    /// <summary>The first provisional id; ids from here up are never stored.</summary>
    public const long FirstProvisional = 1L << 62;

    /// <summary>True when <paramref name="personId"/> is a Telegram user's own id (their Telegram address is <c>telegram:{personId}</c>).</summary>
    public static bool IsTelegramDerived(long personId) => personId is > 0 and < TelegramLimit;

    /// <summary>True for the id of a sender who has not consented on a channel other than Telegram.</summary>
    public static bool IsProvisional(long personId) => personId >= FirstProvisional;

    /// <summary>
    /// The person id of a sender the directory does not know, derived from the address alone: a Telegram user's id, or
    /// a provisional id for any other channel. Same address, same id, with nothing stored.
    /// </summary>
    public static long Provisional(ChannelAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.TryTelegramId(out var userId))
        {
            return IsTelegramDerived(userId)
                ? userId
                : throw new ArgumentOutOfRangeException(nameof(address), address.ToString(), "A Telegram user id has at most 52 significant bits.");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(address.ToString()));
        return FirstProvisional | (BinaryPrimitives.ReadInt64LittleEndian(hash) & (FirstProvisional - 1));
    }
}
