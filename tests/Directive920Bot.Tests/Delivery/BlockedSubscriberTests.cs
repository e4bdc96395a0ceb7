using Directive920Bot.Channels;
using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Delivery;

public sealed class BlockedSubscriberTests
{
    [Fact]
    public async Task A_403_blocks_the_row_and_the_subscriber_without_retry_and_an_unblock_makes_them_active_again()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings());
        bot.Seed(401, "SNV");
        bot.Seed(402, "SNV");
        bot.Emulator.Block(401);
        var subscribers = bot.Get<ISubscribers>();
        // The my_chat_member update of the block may reach the bot first; the 403 path is forced by reactivating.
        await bot.Emulator.WaitUntilAsync(() => subscribers.Find(401)!.Status == SubscriberStatus.Blocked, BotHarness.Wait);
        bot.Get<IStorage>().Write(tx => subscribers.SetStatus(tx, 401, SubscriberStatus.Active));

        var first = bot.Announce("Lần một.", new AudienceRequest(["SNV"], IncludeSubUnits: false));
        await bot.DrainAsync(first.Id);
        var blocked = bot.Get<DeliveryLedger>().ForCampaign(first.Id).Single(r => r.SubscriberId == 401);
        Assert.Equal(DeliveryState.Blocked, blocked.State);
        Assert.Equal(1, blocked.Attempts);
        Assert.Contains("403", blocked.LastError, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Blocked, subscribers.Find(401)!.Status);

        var second = bot.Announce("Lần hai.", new AudienceRequest(["SNV"], IncludeSubUnits: false));
        await bot.DrainAsync(second.Id);
        var skipped = bot.Get<DeliveryLedger>().ForCampaign(second.Id).Single(r => r.SubscriberId == 401);
        Assert.Equal(DeliveryState.Skipped, skipped.State);
        Assert.Equal(1, bot.Emulator.Calls.Count(c => c.Method == "sendMessage" && c.ChatId == 401));

        bot.Emulator.Unblock(401);
        await bot.Emulator.WaitUntilAsync(() => subscribers.Find(401)!.Status == SubscriberStatus.Active, BotHarness.Wait);
        var third = bot.Announce("Lần ba.", new AudienceRequest(["SNV"], IncludeSubUnits: false));
        await bot.DrainAsync(third.Id);
        Assert.Equal(2, bot.Get<CampaignService>().Progress(third.Id).Sent);
    }

    [Fact]
    public async Task Chat_not_found_marks_the_row_and_the_subscriber_blocked()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings());
        var ghost = bot.Seed(403, "SNV");
        // The person's Telegram address is a chat the emulator does not have.
        bot.Get<IStorage>().Write(tx => bot.Get<IPersonDirectory>().Link(tx, ghost.Id, ChannelAddress.ForTelegram(999_999_403)));

        var campaign = bot.Announce("Không có chat.", new AudienceRequest(SubscriberIds: [403]));
        await bot.DrainAsync(campaign.Id);
        var row = bot.Get<DeliveryLedger>().ForCampaign(campaign.Id).Single();
        Assert.Equal(DeliveryState.Blocked, row.State);
        Assert.Contains("chat not found", row.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(SubscriberStatus.Blocked, bot.Get<ISubscribers>().Find(403)!.Status);
    }
}
