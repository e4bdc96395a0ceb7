using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Directive920Bot.Emulator.Tests;

public sealed class FaultInjectionTests : EmulatorTestBase
{
    [Fact]
    public async Task Two_500s_then_success()
    {
        var fault = Emulator.InjectFault(new FaultRule { Method = "sendMessage", StatusCode = 500, Count = 2 });

        var first = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Alice, "a"));
        var second = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Alice, "a"));
        await Bot.SendMessage(Alice, "a");

        Assert.Equal(500, first.ErrorCode);
        Assert.Equal(500, second.ErrorCode);
        Assert.Equal(2, fault.Hits);
        Assert.Single(Emulator.Transcript(Alice));
    }

    [Fact]
    public async Task Injected_429_carries_retry_after_and_matches_only_its_chat()
    {
        Emulator.InjectFault(new FaultRule { ChatId = Alice, StatusCode = 429, RetryAfter = 7 });

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Alice, "x"));
        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(7, error.Parameters!.RetryAfter);
        Assert.Equal("Too Many Requests: retry after 7", error.Message);
        await Bot.SendMessage(Bob, "fine");

        Emulator.ClearFaults();
        await Bot.SendMessage(Alice, "fine now");
    }

    [Fact]
    public async Task Timeout_fault_outlasts_the_client_timeout()
    {
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        var bot = CreateClient(Emulator.Token, impatient);
        using var fault = Emulator.InjectFault(new FaultRule { Method = "getMe", Kind = FaultKind.Timeout, Delay = TimeSpan.FromSeconds(10), Count = 1 });

        await Assert.ThrowsAnyAsync<Exception>(() => bot.GetMe());
        // The fault is used up: a patient client gets an answer (the impatient one could time out on a busy machine).
        Assert.NotNull(await Bot.GetMe());
        Assert.Equal(1, fault.Hits);
    }

    [Fact]
    public async Task Abort_fault_drops_the_connection()
    {
        Emulator.InjectFault(new FaultRule { Method = "getMe", Kind = FaultKind.Abort, Delay = TimeSpan.Zero, Count = 1 });

        await Assert.ThrowsAnyAsync<Exception>(() => Bot.GetMe());
        Assert.NotNull(await Bot.GetMe());
    }

    [Fact]
    public async Task Latency_delays_every_request()
    {
        Emulator.Latency = TimeSpan.FromMilliseconds(200);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        await Bot.GetMe();

        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(190), stopwatch.Elapsed.ToString());
    }
}
