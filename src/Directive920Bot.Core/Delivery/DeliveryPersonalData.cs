using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Delivery;

/// <summary>/mydata lists what was sent to the person; /delete pseudonymises their ledger rows (counts stay) and drops the track.</summary>
public sealed class DeliveryPersonalData(DeliveryLedger ledger, TrackService track) : IPersonalDataHolder
{
    public string Name => "deliveries";

    public object? Export(long subscriberId) => ledger.ForSubscriber(subscriberId)
        .OrderBy(r => r.CreatedAt)
        .Select(r => new { r.Id, Kind = r.Kind.ToString(), r.ItemId, r.CampaignId, State = r.State.ToString(), r.DueAt, r.SentAt })
        .ToList();

    public void Erase(ITransaction tx, long subscriberId, long pseudonym)
    {
        ledger.Pseudonymise(tx, subscriberId, pseudonym);
        track.Erase(tx, subscriberId);
    }
}
