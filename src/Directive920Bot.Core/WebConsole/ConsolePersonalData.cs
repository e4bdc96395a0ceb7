using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.WebConsole;

/// <summary>A person's sign-in links and session stamp go with an erasure; they hold nothing worth exporting.</summary>
internal sealed class ConsolePersonalData(IConsoleSignIns store) : IPersonalDataHolder
{
    public string Name => "console";

    // Sign-in links are stored only as hashes and expire in minutes; nothing in them describes the person.
    public IEnumerable<PersonalDataSection> Describe(long subscriberId, PersonalDataFormat format) => [];

    public object? Export(long subscriberId) => null;

    public void Erase(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms) => store.Forget(tx, subscriberId);
}
