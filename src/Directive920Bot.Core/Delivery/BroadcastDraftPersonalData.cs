using Directive920Bot.Registration;

namespace Directive920Bot.Delivery;

/// <summary>An admin's unfinished draft is their data too: /mydata shows it and /delete removes it.</summary>
public sealed class BroadcastDraftPersonalData(BroadcastDraftStore drafts) : IPersonalDataHolder
{
    public string Name => "broadcastDraft";

    public object? Export(long subscriberId) => drafts.Find(subscriberId);

    public void Erase(long subscriberId, long pseudonym) => drafts.Delete(subscriberId);
}
