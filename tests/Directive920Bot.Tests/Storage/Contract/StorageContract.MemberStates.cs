using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>The narrow reads of a page of members' rows and acknowledgements (the console's unit page).</summary>
public abstract partial class StorageContract
{
    [SkippableFact]
    public async Task A_page_of_members_rows_and_acknowledgements_are_read_at_once_and_nobody_elses()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        await storage.WriteAsync(tx =>
        {
            store.GetRequiredService<IDeliveryLedgerStore>().Insert(tx, [Row("o1", 1, DeliveryState.Sent), Row("o2", 1, DeliveryState.Blocked), Row("o1", 2, DeliveryState.Sent), Row("o1", 3)]);
            var acks = store.GetRequiredService<IAcknowledgements>();
            acks.InsertNew(tx, new Acknowledgement
            {
                Id = "1:c:c1:h", SubscriberId = 1, CampaignId = "c1", Subject = "c:c1", ContentHash = "h", DeliveryId = "o1:1", UnitCode = "SNV",
                DeliveredAt = Monday, AcknowledgedAt = Monday.AddHours(1), OnTime = true,
            });
            acks.InsertNew(tx, new Acknowledgement
            {
                Id = "3:c:c1:h", SubscriberId = 3, CampaignId = "c1", Subject = "c:c1", ContentHash = "h", DeliveryId = "o1:3", UnitCode = "SNV",
                DeliveredAt = Monday, AcknowledgedAt = Monday.AddHours(1), OnTime = false, Reacknowledgement = true,
            });
        });

        var rows = store.GetRequiredService<IDeliveryHistory>().ForSubscribers([1, 2, 1]).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var acknowledged = store.GetRequiredService<IAcknowledgementHistory>().ForSubscribers([1, 3]).OrderBy(a => a.SubscriberId).ToList();

        Assert.Equal(["o1:1", "o1:2", "o2:1"], rows.Select(r => r.Id));
        Assert.Equal(new SentDelivery("o2:1", DeliveryKind.Announcement, DeliveryState.Blocked, null, "c1", "SNV", 1, null), rows[2]);
        Assert.Equal([new MemberAcknowledgement(1, null, "c1", true, false), new MemberAcknowledgement(3, null, "c1", false, true)], acknowledged);
        Assert.Empty(store.GetRequiredService<IDeliveryHistory>().ForSubscribers([]));
        Assert.Empty(store.GetRequiredService<IAcknowledgementHistory>().ForSubscribers([42]));
    }
}
