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

        // Read the records as stored, not through the stores: this is what a copy of the file (or a dump) gives away.
        var records = StoredRecords(bot);
        var subjectsByPseudonym = records.Records.GroupBy(r => r.Pseudonym).ToDictionary(g => g.Key, g => g.Select(r => r.Subject).ToHashSet());

        Assert.All(subjectsByPseudonym, p => Assert.Single(p.Value));
        var acks = records.Acknowledgements;
        Assert.Equal(2, acks.Count);
        Assert.NotEqual(acks[0], acks[1]);
        Assert.Equal(tombstone, Assert.Single(records.Tombstones));
        Assert.DoesNotContain(tombstone, subjectsByPseudonym.Keys);
        // The anonymous remains still count: one acknowledgement per lesson, still tied to its sent ledger row.
        Assert.Single(bot.Get<IAcknowledgements>().ForItem(Lesson1));
        Assert.Single(bot.Get<IAcknowledgements>().ForItem(Lesson2));
        var ack = bot.Get<IAcknowledgements>().ForItem(Lesson2).Single();
        Assert.Equal(ack.SubscriberId, bot.Get<DeliveryLedger>().Find(ack.DeliveryId)!.SubscriberId);
    }

    private sealed record Raw(List<(long Pseudonym, string Subject)> Records, List<long> Acknowledgements, List<long> Tombstones);

    /// <summary>The pseudonymous records (acknowledgements, answers, reviews, escalations, ledger rows) with their subject, and the tombstones.</summary>
    private static Raw StoredRecords(Directive920Bot.Tests.Infrastructure.BotHarness bot)
    {
        if (bot.UsesPostgres)
        {
            using var connection = new Npgsql.NpgsqlConnection(bot.ConnectionString);
            connection.Open();
            List<(long, string)> Read(string sql)
            {
                using var command = new Npgsql.NpgsqlCommand(sql, connection);
                using var reader = command.ExecuteReader();
                var rows = new List<(long, string)>();
                while (reader.Read())
                {
                    rows.Add((reader.GetInt64(0), reader.IsDBNull(1) ? string.Empty : reader.GetString(1)));
                }

                return rows;
            }

            var found = Read("""
                SELECT subscriber_id, coalesce(item_id, id) FROM acknowledgements WHERE subscriber_id < 0
                UNION ALL SELECT subscriber_id, item_id FROM quiz_answers WHERE subscriber_id < 0
                UNION ALL SELECT subscriber_id, coalesce(doc->>'ItemId', id) FROM review_items WHERE subscriber_id < 0
                UNION ALL SELECT subscriber_id, coalesce(doc->>'ItemId', id) FROM escalations WHERE subscriber_id < 0
                UNION ALL SELECT subscriber_id, coalesce(item_id, id) FROM deliveries WHERE subscriber_id < 0
                """);
            var acks = Read("SELECT subscriber_id, id FROM acknowledgements WHERE subscriber_id < 0").Select(r => r.Item1).ToList();
            var tombstones = Read("SELECT id, '' FROM erased_subscribers").Select(r => r.Item1).ToList();
            return new Raw(found, acks, tombstones);
        }

        var db = bot.Get<Database>().Lite;
        var records = new List<(long, string)>();
        foreach (var collection in new[] { LiteDbAcknowledgements.CollectionName, LiteDbQuizAnswers.AnswersCollection, LiteDbReviews.CollectionName, LiteDbEscalations.CollectionName, DeliveryLedger.CollectionName })
        {
            records.AddRange(db.GetCollection(collection).FindAll().Where(d => d["SubscriberId"].AsInt64 < 0)
                .Select(d => (d["SubscriberId"].AsInt64, d["ItemId"].IsNull ? d["_id"].AsString : d["ItemId"].AsString)));
        }

        var liteAcks = db.GetCollection(LiteDbAcknowledgements.CollectionName).FindAll().Where(d => d["SubscriberId"].AsInt64 < 0).Select(d => d["SubscriberId"].AsInt64).ToList();
        var liteTombstones = db.GetCollection(LiteDbSubscribers.ErasedCollectionName).FindAll().Select(d => d["_id"].AsInt64).ToList();
        return new Raw(records, liteAcks, liteTombstones);
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
