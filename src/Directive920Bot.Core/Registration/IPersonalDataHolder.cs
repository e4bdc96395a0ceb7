using Directive920Bot.Storage;

namespace Directive920Bot.Registration;

/// <summary>A feature that keeps data about a subscriber: it can export it and erase the link to the person.</summary>
public interface IPersonalDataHolder
{
    string Name { get; }

    object? Export(long subscriberId);

    /// <summary>
    /// Removes personal data; anonymous counts keep the <paramref name="pseudonym"/> instead of the Telegram id. Every
    /// holder erases in the one transaction it is given: an erasure is complete or has not happened.
    /// </summary>
    void Erase(ITransaction tx, long subscriberId, long pseudonym);
}
