using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using Directive920Bot.Storage.LiteDb;
using Directive920Bot.Storage.LiteDb.Engagement;
using Directive920Bot.Storage.LiteDb.Registration;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Privacy;

/// <summary>
/// Issue #15 §5, second half: an erased person's remains must not share one pseudonym. With one, the rows about two
/// lessons, the answers and the tombstone joined back into one person's history — in a unit of five, the person.
/// </summary>
public sealed class ErasedPseudonymTests
{
    [Fact]
    public async Task An_erased_persons_records_about_different_lessons_share_no_pseudonym_and_the_tombstone_shares_none()
    {
        await using var bot = await StartAsync();
        var cadre = await bot.RegisterAsync(3501);
        foreach (var item in new[] { Lesson1, Lesson2 })
        {
            var (_, lesson) = await DeliverAsync(bot, cadre, item);
            await PressAsync(bot, cadre.Id, lesson.MessageId, AckLabel);
        }

        var q1 = (await WaitForQuestionsAsync(bot, cadre.Id, 2)).First(m => m.Text!.Contains("1/2", StringComparison.Ordinal));
        await PressOptionAsync(bot, cadre.Id, q1.MessageId, Lesson1, "q1", 3);
        await SettleAsync(bot);
        Assert.Equal(2, bot.Get<IAcknowledgements>().ForSubscriber(cadre.Id).Count);
        Assert.NotEmpty(bot.Get<IReviews>().ForSubscriber(cadre.Id));

        var tombstone = bot.Get<PersonalDataService>().Erase(cadre.Id);

        // Read the file's documents as stored, not through the stores: this is what a copy of the file gives away.
        var db = bot.Get<Database>().Lite;
        var subjectsByPseudonym = new Dictionary<long, HashSet<string>>();
        var records = new[] { LiteDbAcknowledgements.CollectionName, LiteDbQuizAnswers.AnswersCollection, LiteDbReviews.CollectionName, LiteDbEscalations.CollectionName, DeliveryLedger.CollectionName };
        foreach (var collection in records)
        {
            foreach (var doc in db.GetCollection(collection).FindAll().Where(d => d["SubscriberId"].AsInt64 < 0))
            {
                var pseudonym = doc["SubscriberId"].AsInt64;
                var subject = doc["ItemId"].IsNull ? doc["_id"].AsString : doc["ItemId"].AsString;
                subjectsByPseudonym.TryAdd(pseudonym, []);
                subjectsByPseudonym[pseudonym].Add(subject);
            }
        }

        Assert.All(subjectsByPseudonym, p => Assert.Single(p.Value));
        var acks = db.GetCollection(LiteDbAcknowledgements.CollectionName).FindAll().Where(d => d["SubscriberId"].AsInt64 < 0).ToList();
        Assert.Equal(2, acks.Count);
        Assert.NotEqual(acks[0]["SubscriberId"].AsInt64, acks[1]["SubscriberId"].AsInt64);
        Assert.Equal(tombstone, Assert.Single(db.GetCollection(LiteDbSubscribers.ErasedCollectionName).FindAll())["_id"].AsInt64);
        Assert.DoesNotContain(tombstone, subjectsByPseudonym.Keys);
        // The anonymous remains still count: one acknowledgement per lesson, still tied to its sent ledger row.
        Assert.Single(bot.Get<IAcknowledgements>().ForItem(Lesson1));
        Assert.Single(bot.Get<IAcknowledgements>().ForItem(Lesson2));
        var ack = bot.Get<IAcknowledgements>().ForItem(Lesson2).Single();
        Assert.Equal(ack.SubscriberId, bot.Get<DeliveryLedger>().Find(ack.DeliveryId)!.SubscriberId);
    }

    [Fact]
    public void The_pseudonyms_of_one_erasure_agree_across_holders_and_two_erasures_of_the_same_id_do_not()
    {
        var first = ErasurePseudonyms.Create(42);
        var second = ErasurePseudonyms.Create(42);

        Assert.Equal(first.ForDelivery("c:x:1:42"), first.ForDelivery("c:x:1:42"));
        Assert.NotEqual(first.ForDelivery("c:x:1:42"), first.ForDelivery("c:x:2:42"));
        Assert.NotEqual(first.ForDelivery("c:x:1:42"), second.ForDelivery("c:x:1:42"));
        Assert.Equal($"c:x:1:{first.ForDelivery("c:x:1:42")}", first.Relink("c:x:1:42"));
        // Only the whole segment is the person: ":420" is somebody else.
        Assert.Equal("c:x:420", first.Relink("c:x:420"));
        Assert.Equal(["c:x:1:42"], first.RelinkedDeliveries);
        Assert.All(first.Issued, p => Assert.InRange(p, -(1L << 52), -1));
    }
}
