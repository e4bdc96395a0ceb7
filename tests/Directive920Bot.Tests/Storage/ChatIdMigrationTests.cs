using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Storage.LiteDb;
using Directive920Bot.Tests.Delivery;
using Directive920Bot.Tests.Infrastructure;
using LiteDB;

namespace Directive920Bot.Tests.Storage;

/// <summary>
/// A file written while subscribers and ledger rows still stored a Telegram chat id beside the person (schema 8) opens,
/// loses the copy from its subscribers, and its rows, queued with the copy, are sent to the person's address.
/// </summary>
public sealed class ChatIdMigrationTests
{
    [Fact]
    public async Task A_version_8_file_with_stored_chat_ids_opens_drops_them_from_subscribers_and_sends_its_queued_rows_and_new_ones()
    {
        BotHarness.StayOnLiteDb("the LiteDB file's schema migration is under test");
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings());
        bot.Seed(5101, "SNV");
        bot.Seed(5102, "SNV", language: "en");
        await bot.StopHostAsync();

        var now = bot.Clock.GetUtcNow().UtcDateTime;
        using (var old = new LiteDatabase(new ConnectionString { Filename = bot.DatabasePath, Connection = ConnectionType.Direct }))
        {
            old.GetCollection("_meta").Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = 8 });
            var subscribers = old.GetCollection(SubscriberCollections.Subscribers);
            foreach (var doc in subscribers.FindAll().ToList())
            {
                doc["ChatId"] = doc["_id"];
                subscribers.Update(doc);
            }

            // A row queued before the change, as the ledger stored it then: with the chat beside the person.
            var queued = DeliveryRows.For("legacy:1", new DeliveryRecipient(5101, "vi", "SNV", CadreRole.Staff), DeliveryKind.Announcement, now, now,
                html: "Tin nhắn xếp hàng từ trước.");
            var row = Mapper.Create().ToDocument(queued);
            row["ChatId"] = 5101L;
            old.GetCollection(DeliveryLedger.CollectionName).Insert(row);
        }

        await bot.StartHostAsync();

        var lite = bot.Get<Database>().Lite;
        Assert.Equal(Migrations.CurrentVersion, Migrations.ReadVersion(lite));
        Assert.All(lite.GetCollection(SubscriberCollections.Subscribers).FindAll(), doc => Assert.False(doc.ContainsKey("ChatId"), doc.ToString()));
        Assert.Equal("Cán bộ 5102", bot.Get<ISubscribers>().Find(5102)!.FullName);

        var ledger = bot.Get<DeliveryLedger>();
        await bot.Emulator.WaitUntilAsync(() => ledger.Find("legacy:1:5101")?.State == DeliveryState.Sent, BotHarness.Wait);
        var sentBefore = ledger.Find("legacy:1:5101")!;
        Assert.Equal("telegram", sentBefore.Channel);
        Assert.Contains(bot.BotMessages(5101), m => m.Text == "Tin nhắn xếp hàng từ trước.");

        var campaign = bot.Announce("Tin mới sau khi nâng cấp.", new AudienceRequest(["SNV"], IncludeSubUnits: false));
        await bot.DrainAsync(campaign.Id);
        Assert.All(ledger.ForCampaign(campaign.Id), r => Assert.Equal((DeliveryState.Sent, "telegram"), (r.State, r.Channel)));
        Assert.Contains(bot.BotMessages(5102), m => m.Text == "Tin mới sau khi nâng cấp.");
        Assert.DoesNotContain(lite.GetCollection(DeliveryLedger.CollectionName).FindAll(), doc => doc["CampaignId"] == campaign.Id && doc.ContainsKey("ChatId"));
    }
}
