namespace Directive920Bot.Registration;

/// <summary>A feature that keeps data about a subscriber: it can export it and erase the link to the person.</summary>
public interface IPersonalDataHolder
{
    string Name { get; }

    object? Export(long subscriberId);

    /// <summary>Removes personal data; anonymous counts keep the <paramref name="pseudonym"/> instead of the Telegram id.</summary>
    void Erase(long subscriberId, long pseudonym);
}
