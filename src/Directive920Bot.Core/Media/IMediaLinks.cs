using Directive920Bot.Storage;

namespace Directive920Bot.Media;

/// <summary>The short-lived media links: images by the hash of their token, deleted once expired.</summary>
public interface IMediaLinks
{
    void Add(ITransaction tx, MediaLink link);

    /// <summary>The link whose token hashes to <paramref name="tokenHash"/>, expired or not (the caller decides).</summary>
    MediaLink? Find(string tokenHash);

    /// <summary>How many links expired at or before <paramref name="now"/>.</summary>
    int CountExpired(DateTime now);

    /// <summary>Deletes the links expired at or before <paramref name="now"/>; returns how many.</summary>
    int DeleteExpired(ITransaction tx, DateTime now);
}
