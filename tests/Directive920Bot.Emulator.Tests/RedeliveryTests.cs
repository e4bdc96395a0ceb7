using Telegram.Bot;

namespace Directive920Bot.Emulator.Tests;

public sealed class RedeliveryTests : EmulatorTestBase
{
    [Fact]
    public async Task Unconfirmed_updates_are_delivered_again_after_a_restart()
    {
        Emulator.SendText(Alice, "one");
        Emulator.SendText(Alice, "two");

        var first = await Bot.GetUpdates(timeout: 0);
        var again = await Bot.GetUpdates(timeout: 0); // a restarted bot polls without an offset
        Assert.Equal(first.Select(u => u.Id), again.Select(u => u.Id));

        var afterConfirm = await Bot.GetUpdates(offset: first[0].Id + 1, timeout: 0);
        Assert.Equal(first[1].Id, Assert.Single(afterConfirm).Id);
    }

    [Fact]
    public async Task Redelivered_update_keeps_its_update_id()
    {
        Emulator.SendText(Alice, "pay");
        var original = Assert.Single(await DrainUpdatesAsync());

        Emulator.RedeliverUpdate(original.Id);

        var copy = Assert.Single(await Bot.GetUpdates(offset: original.Id + 1, timeout: 0));
        Assert.Equal(original.Id, copy.Id);
        Assert.Equal("pay", copy.Message!.Text);
        Assert.Empty(await Bot.GetUpdates(offset: original.Id + 1, timeout: 0));
    }

    [Fact]
    public async Task The_last_update_id_names_the_update_an_action_produced()
    {
        Assert.Equal(0, Emulator.LastUpdateId);
        Emulator.SendText(Alice, "one");
        Emulator.SendText(Alice, "two");

        var updates = await DrainUpdatesAsync();

        Assert.Equal(updates[^1].Id, Emulator.LastUpdateId);
        Emulator.RedeliverUpdate(updates[0].Id);
        Assert.Equal(updates[^1].Id, Emulator.LastUpdateId);
    }
}
