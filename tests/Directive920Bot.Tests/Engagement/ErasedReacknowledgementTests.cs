using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Engagement;

/// <summary>Regression: erasing a person re-keyed their acknowledgements to the pseudonym but dropped the re-acknowledgement mark.</summary>
public sealed class ErasedReacknowledgementTests
{
    [Fact]
    public async Task An_erased_persons_reacknowledgement_stays_a_reacknowledgement()
    {
        await using var bot = await BotHarness.StartAsync();
        var store = bot.Get<IAcknowledgements>();
        var at = bot.Clock.GetUtcNow().UtcDateTime;
        bot.Get<Directive920Bot.Storage.IStorage>().Write(tx => store.InsertNew(tx, new Acknowledgement { Id = Acknowledgement.IdFor(4401, "c1-context", "h1"), SubscriberId = 4401, ItemId = "c1-context", Subject = "c1-context", ContentHash = "h1", DeliveryId = "c:x:1:4401", UnitCode = "SNV-VP", DeliveredAt = at, AcknowledgedAt = at, OnTime = true }));
        bot.Get<Directive920Bot.Storage.IStorage>().Write(tx => store.InsertNew(tx, new Acknowledgement { Id = Acknowledgement.IdFor(4401, "c1-context", "h2"), SubscriberId = 4401, ItemId = "c1-context", Subject = "c1-context", ContentHash = "h2", DeliveryId = "reack:c1-context:4401", UnitCode = "SNV-VP", DeliveredAt = at, AcknowledgedAt = at, OnTime = true, Reacknowledgement = true }));

        var holder = bot.Get<IEnumerable<IPersonalDataHolder>>().Single(h => h.Name == "engagement");
        var erasure = ErasurePseudonyms.Create(4401);
        bot.Get<Directive920Bot.Storage.IStorage>().Write(tx => holder.Erase(tx, 4401, erasure));

        Assert.Empty(store.ForSubscriber(4401));
        var kept = store.ForSubscriber(erasure.ForDelivery("c:x:1:4401")).Concat(store.ForSubscriber(erasure.ForDelivery("reack:c1-context:4401"))).OrderBy(a => a.ContentHash, StringComparer.Ordinal).ToList();
        Assert.Equal([false, true], kept.Select(a => a.Reacknowledgement));
    }
}
