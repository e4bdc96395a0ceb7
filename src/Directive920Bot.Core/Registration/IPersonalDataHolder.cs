using Directive920Bot.Storage;

namespace Directive920Bot.Registration;

/// <summary>A feature that keeps data about a subscriber: it can export it and erase the link to the person.</summary>
public interface IPersonalDataHolder
{
    string Name { get; }

    object? Export(long subscriberId);

    /// <summary>
    /// The same data as <see cref="Export"/>, explained in the person's language for the readable summary /mydata sends
    /// beside the JSON, one section per part; none when the holder keeps nothing about the person.
    /// </summary>
    IEnumerable<PersonalDataSection> Describe(long subscriberId, PersonalDataFormat format);

    /// <summary>
    /// Removes personal data; anonymous counts keep a pseudonym per record (<paramref name="pseudonyms"/>) instead of the id. Every
    /// holder erases in the one transaction it is given: an erasure is complete or has not happened.
    /// </summary>
    void Erase(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms);
}
