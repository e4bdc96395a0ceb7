using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Delivery;

public sealed class PauseResumeTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task Pause_stops_lessons_idempotently_and_resume_continues_at_the_next_lesson_time()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings(("Delivery:TrackEnabled", "true")));
        var track = bot.Get<TrackService>();
        var ledger = bot.Get<DeliveryLedger>();
        bot.Seed(811, "SNV");
        track.Advance();
        await DripTrackTests.WaitSentAsync(bot, TrackService.RowId("c1-context", 811));
        track.Advance();
        var second = TrackService.RowId("c2-shortcomings", 811);

        var paused = await bot.SayAsync(811, "/tamdung", m => m.Text!.Contains("tạm dừng", StringComparison.Ordinal));
        Assert.Contains("Đã tạm dừng", paused.Text, StringComparison.Ordinal);
        var again = await bot.SayAsync(811, "/pause", m => m.Text!.Contains("tạm dừng", StringComparison.Ordinal));
        Assert.Contains("đang tạm dừng", again.Text, StringComparison.Ordinal);
        Assert.True(bot.Get<ISubscribers>().Find(811)!.Paused);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 8, 0, 0, Vietnam));
        await bot.Emulator.WaitUntilAsync(() => ledger.Find(second)!.State == DeliveryState.Skipped, BotHarness.Wait);
        Assert.Equal("paused", ledger.Find(second)!.LastError);
        track.Advance();
        Assert.Equal(DeliveryState.Skipped, ledger.Find(second)!.State);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 10, 0, 0, Vietnam));
        var resumed = await bot.SayAsync(811, "/tieptuc", m => m.Text!.Contains("tiếp tục", StringComparison.Ordinal));
        Assert.Contains("Đã tiếp tục", resumed.Text, StringComparison.Ordinal);
        Assert.False(bot.Get<ISubscribers>().Find(811)!.Paused);
        Assert.Equal(DeliveryState.Pending, ledger.Find(second)!.State);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 8, 0, 0, Vietnam).UtcDateTime, ledger.Find(second)!.DueAt);
        var notPaused = await bot.SayAsync(811, "/resume", m => m.Text!.Contains("không cần tiếp tục", StringComparison.Ordinal));
        Assert.NotNull(notPaused);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 8, 0, 0, Vietnam));
        await DripTrackTests.WaitSentAsync(bot, second);
    }

    [Fact]
    public async Task Pause_answers_in_english_for_an_english_speaker()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings());
        bot.Seed(812, "SNV", language: "en");
        var reply = await bot.SayAsync(812, "/pause");
        Assert.Contains("Lesson messages are paused", reply.Text, StringComparison.Ordinal);
    }
}
