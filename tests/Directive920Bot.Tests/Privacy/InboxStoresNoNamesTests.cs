using System.Text;
using Directive920Bot.Storage.LiteDb;
using Directive920Bot.Storage.LiteDb.Channels;
using Directive920Bot.Telegram;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Directive920Bot.Tests.Privacy;

/// <summary>
/// Issue #15 §7: before consent nothing about the person is stored — the inbox persisted the raw update with the
/// Telegram first and last name and username. It now keeps only what handling needs.
/// </summary>
public sealed class InboxStoresNoNamesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("d920-privacy-inbox-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_stored_update_keeps_the_text_the_ids_and_the_language_but_not_the_telegram_names_or_username()
    {
        var path = Path.Combine(folder, "bot.db");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
        var from = new User { Id = 6101, FirstName = "Quỳnh", LastName = "Hoàngthị", Username = "quynh_ht_na", LanguageCode = "vi" };
        var update = new Update
        {
            Id = 40,
            Message = new Message
            {
                Id = 7,
                From = from,
                Chat = new Chat { Id = 6101, Type = ChatType.Private, FirstName = "Quỳnh", LastName = "Hoàngthị", Username = "quynh_ht_na" },
                Text = "/start",
                Date = new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc),
            },
        };

        using (var db = new Database(path, Mapper.Create(), [LiteDbInboxStore.Schema], TimeProvider.System))
        using (var inbox = new UpdateInbox(new LiteDbInboxStore(db), db, clock, Microsoft.Extensions.Options.Options.Create(new TelegramOptions()), NullLogger<UpdateInbox>.Instance))
        {
            await inbox.AcceptAsync([update]);
            var json = Assert.Single(Assert.Single(((Directive920Bot.Channels.IInboxStore)new LiteDbInboxStore(db)).Batches()).Updates).Json;
            foreach (var personal in new[] { "Quỳnh", "Hoàngthị", "quynh_ht_na" })
            {
                Assert.DoesNotContain(personal, json, StringComparison.Ordinal);
            }

            // After a restart the stored form is what is handled: it still routes as before.
            var restored = UpdateInbox.Deserialize(new InboxEntry { Json = json });
            Assert.Equal("/start", restored.Message!.Text);
            Assert.Equal(6101, restored.Message.From!.Id);
            Assert.Equal("vi", restored.Message.From.LanguageCode);
            Assert.Equal(6101, restored.Message.Chat.Id);
        }

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("quynh_ht_na")) < 0);
    }
}
