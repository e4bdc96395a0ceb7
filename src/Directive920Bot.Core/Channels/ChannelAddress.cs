using System.Globalization;

namespace Directive920Bot.Channels;

/// <summary>
/// Where a person can be reached on one channel: the channel's name (<c>telegram</c>, later <c>zalo</c>) and the
/// person's id there, kept as a string because channels disagree on what an id is (Telegram: a number, Zalo: a string).
/// Only channel adapters speak addresses; features speak person ids (see <see cref="PersonIds"/>).
/// </summary>
public sealed record ChannelAddress
{
    /// <summary>The Telegram channel's name.</summary>
    public const string Telegram = "telegram";

    /// <summary>The Zalo channel's name (its adapter names it too: Zalo's ChannelNames).</summary>
    public const string Zalo = "zalo";

    public ChannelAddress(string channel, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (channel.Contains(':', StringComparison.Ordinal) || !string.Equals(channel, channel.ToLowerInvariant(), StringComparison.Ordinal))
        {
            throw new ArgumentException($"A channel name is lower case without ':' (got '{channel}').", nameof(channel));
        }

        Channel = channel;
        Id = id;
    }

    public string Channel { get; }

    public string Id { get; }

    /// <summary>A Telegram user's address (their private chat with the bot has the same id).</summary>
    public static ChannelAddress ForTelegram(long userId) => new(Telegram, userId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Reads <c>channel:id</c> as <see cref="ToString"/> writes it.</summary>
    public static ChannelAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw new FormatException($"'{text}' is not a channel address (channel:id).");
        }

        return new ChannelAddress(text[..colon], text[(colon + 1)..]);
    }

    /// <summary>The Telegram user id of a Telegram address; false for any other channel.</summary>
    public bool TryTelegramId(out long userId)
    {
        userId = 0;
        return Channel == Telegram && long.TryParse(Id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out userId);
    }

    /// <summary><c>channel:id</c>, e.g. <c>telegram:123456</c>: the stored key of the address.</summary>
    public override string ToString() => Channel + ":" + Id;
}
