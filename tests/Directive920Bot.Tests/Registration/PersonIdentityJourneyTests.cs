using Directive920Bot.Channels;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using Directive920Bot.Storage.LiteDb.Channels;
using Directive920Bot.Tests.Infrastructure;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Registration;

/// <summary>
/// Through the real host and the emulator: a Telegram user is a person whose id is derived from their address until
/// they consent, and their address is stored from consent on, never before; erasure forgets it.
/// </summary>
public sealed class PersonIdentityJourneyTests
{
    private static readonly ChannelAddress Address = ChannelAddress.ForTelegram(2451);

    [Fact]
    public async Task A_cadre_registers_and_acknowledges_and_the_store_knows_their_address_only_from_consent()
    {
        await using var bot = await StartAsync();
        var directory = bot.Get<IPersonDirectory>();
        bot.User(2451, "An");

        var welcome = await bot.SayAsync(2451, "/start");

        // Before consent the person already has an id (derived from the address) and nothing is stored for it.
        Assert.Null(directory.Find(Address));
        Assert.Empty(directory.AddressesOf(2451));
        Assert.Equal(0, Addresses(bot));
        Assert.Null(bot.Get<ISubscribers>().Find(2451));

        await bot.PressAndExpectReplyAsync(2451, welcome, "Đồng ý");

        Assert.Equal(2451, directory.Find(Address));
        Assert.Equal([Address], directory.AddressesOf(2451));
        Assert.Equal(1, Addresses(bot));

        await bot.SayAsync(2451, "Nguyễn Văn An");
        var matches = await bot.SayAsync(2451, "SNV-VP");
        var rolePrompt = await bot.PressAndExpectReplyAsync(2451, matches, bot.Get<IUnits>().Find("SNV-VP")!.Name);
        var summary = await bot.PressAndExpectReplyAsync(2451, rolePrompt, "Cán bộ");
        await bot.PressAndExpectReplyAsync(2451, summary, "Xác nhận");
        var cadre = bot.Get<ISubscribers>().Find(2451)!;
        Assert.True(cadre.IsRegistered);

        var (row, message) = await DeliverAsync(bot, cadre, Lesson1);
        await PressAsync(bot, 2451, message.MessageId, AckLabel);

        Assert.Equal(ChannelAddress.Telegram, row.Channel);
        var ack = Assert.Single(bot.Get<IAcknowledgements>().ForSubscriber(2451));
        Assert.Equal(row.Id, ack.DeliveryId);
        Assert.Equal(1, Addresses(bot));
    }

    [Fact]
    public async Task Refusing_consent_stores_no_address()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.User(2452);

        var welcome = await bot.SayAsync(2452, "/start");
        await bot.PressAsync(2452, welcome, "Không đồng ý");

        Assert.Null(bot.Get<IPersonDirectory>().Find(ChannelAddress.ForTelegram(2452)));
        Assert.Equal(0, Addresses(bot));
    }

    [Fact]
    public async Task Deleting_personal_data_forgets_the_address()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.RegisterAsync(2453);
        Assert.Equal(2453, bot.Get<IPersonDirectory>().Find(ChannelAddress.ForTelegram(2453)));
        using (var export = System.Text.Json.JsonDocument.Parse(bot.Get<PersonalDataService>().ExportJson(2453)))
        {
            Assert.Equal("telegram:2453", export.RootElement.GetProperty("profile").GetProperty("Channels")[0].GetString());
        }

        var ask = await bot.SayAsync(2453, "/delete");
        await bot.PressAsync(2453, ask, "Xóa dữ liệu");

        Assert.Null(bot.Get<IPersonDirectory>().Find(ChannelAddress.ForTelegram(2453)));
        Assert.Equal(0, Addresses(bot));
    }

    // Counted in the store itself: an address the directory no longer finds may still be stored.
    private static int Addresses(BotHarness bot) => StoredText.Count(bot, PersonCollections.Addresses, "person_addresses");
}
