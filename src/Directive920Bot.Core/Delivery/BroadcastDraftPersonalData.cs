using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Delivery;

/// <summary>An admin's unfinished draft is their data too: /mydata shows it and /delete removes it.</summary>
public sealed class BroadcastDraftPersonalData(IBroadcastDrafts drafts) : IPersonalDataHolder
{
    public string Name => "broadcastDraft";

    public object? Export(long subscriberId) => drafts.Find(subscriberId);

    public void Erase(ITransaction tx, long subscriberId, long pseudonym) => drafts.Delete(tx, subscriberId);
}
