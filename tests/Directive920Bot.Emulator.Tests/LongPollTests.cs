using System.Diagnostics;
using Telegram.Bot;

namespace Directive920Bot.Emulator.Tests;

public sealed class LongPollTests : EmulatorTestBase
{
    [Fact]
    public async Task Long_poll_returns_as_soon_as_an_update_arrives()
    {
        var stopwatch = Stopwatch.StartNew();
        var poll = Bot.GetUpdates(timeout: 20);
        await Task.Delay(200); // let the poll park; if it had not, it would still return at once, so this cannot flake
        Emulator.SendText(Alice, "ping");

        // Well before the 20 s poll timeout, with room for a loaded CI machine.
        var updates = await poll.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Single(updates);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15), stopwatch.Elapsed.ToString());
    }

    [Fact]
    public async Task Long_poll_times_out_with_an_empty_result()
    {
        var stopwatch = Stopwatch.StartNew();
        var updates = await Bot.GetUpdates(timeout: 1);

        Assert.Empty(updates);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(900), stopwatch.Elapsed.ToString());
    }
}
