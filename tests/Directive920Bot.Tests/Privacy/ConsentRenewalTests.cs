using Directive920Bot.Registration;
using Directive920Bot.Tests.Delivery;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Privacy;

/// <summary>
/// Issue #15 item 7: a new consent version asks registered people again. Seeded cadres consented to version "test";
/// the running text has another version, so their next input meets the consent text before anything else.
/// </summary>
public sealed class ConsentRenewalTests
{
    private const string Changed = "đã thay đổi";

    // A seeded cadre may get a scheduled lesson at any moment: replies are matched by what they say, not by order.
    private static bool Asks(Emulator.ChatMessage m) => m.Text?.Contains(Changed, StringComparison.Ordinal) == true;

    private static bool IsProgress(Emulator.ChatMessage m) =>
        m.Text?.Contains("Kết quả học tập", StringComparison.Ordinal) == true || m.Text?.Contains("chưa nhận bài học nào", StringComparison.Ordinal) == true;

    private static Task<BotHarness> StartAsync() =>
        BotHarness.StartAsync(new Dictionary<string, string?> { ["Privacy:AskAgainWhenConsentChanges"] = "true" });

    [Fact]
    public async Task A_cadre_who_consented_to_an_older_version_is_asked_again_before_a_command_and_agreeing_records_the_new_version()
    {
        await using var bot = await StartAsync();
        bot.Seed(6101, "SNV-VP");
        var current = bot.Get<ConsentText>().Version;
        Assert.NotEqual("test", current);

        var asked = await bot.SayAsync(6101, "/tiendo", Asks);

        Assert.Contains(Changed, asked.Text, StringComparison.Ordinal);
        Assert.Contains("/xoa", asked.Text, StringComparison.Ordinal);
        Assert.Equal("test", bot.Get<ISubscribers>().Find(6101)!.ConsentVersion);

        var thanks = await bot.PressAndExpectReplyAsync(6101, asked, "✅ Đồng ý", m => m.Text?.Contains("Đã ghi nhận", StringComparison.Ordinal) == true);

        Assert.Contains("Đã ghi nhận sự đồng ý", thanks.Text, StringComparison.Ordinal);
        Assert.Equal(current, bot.Get<ISubscribers>().Find(6101)!.ConsentVersion);
        await bot.SayAsync(6101, "/tiendo", IsProgress);
        // The question stays as the record of the answer (edited, without buttons); no second one was sent.
        Assert.Single(bot.BotMessages(6101), Asks);
    }

    [Fact]
    public async Task While_consent_is_asked_again_the_rights_to_download_stop_and_delete_still_work()
    {
        await using var bot = await StartAsync();
        bot.Seed(6102, "SNV-VP");

        await bot.SayAsync(6102, "/ngungnhan", m => m.Text?.Contains("đã ngừng nhận tin", StringComparison.Ordinal) == true);

        // The store is read once the write has committed everywhere (the reply can overtake the cache's after-commit step).
        await bot.Emulator.WaitUntilAsync(() => bot.Get<ISubscribers>().Find(6102)!.Status == SubscriberStatus.Stopped, BotHarness.Wait);
        await bot.SayAsync(6102, "/xoa", m => m.Text?.Contains("xóa dữ liệu cá nhân", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(bot.BotMessages(6102), Asks);
    }

    [Fact]
    public async Task Declining_the_new_version_stops_messages_keeps_the_data_for_delete_and_records_no_new_consent()
    {
        await using var bot = await StartAsync();
        bot.Seed(6103, "SNV-VP");

        var asked = await bot.SayAsync(6103, "xin chào", Asks);
        var declined = await bot.PressAndExpectReplyAsync(6103, asked, "Không đồng ý", m => m.Text?.Contains("ngừng gửi tin", StringComparison.Ordinal) == true);

        Assert.Contains("ngừng gửi tin", declined.Text, StringComparison.Ordinal);
        var stored = bot.Get<ISubscribers>().Find(6103)!;
        Assert.Equal(SubscriberStatus.Stopped, stored.Status);
        Assert.Equal("test", stored.ConsentVersion);
        Assert.Equal("Cán bộ 6103", stored.FullName);
    }

    [Fact]
    public async Task A_cadre_who_consented_to_the_current_version_is_never_asked_again()
    {
        await using var bot = await StartAsync();
        var version = bot.Get<ConsentText>().Version;
        bot.Seed(6104, "SNV-VP", change: s => s.ConsentVersion = version);

        await bot.SayAsync(6104, "/tiendo", IsProgress);

        Assert.DoesNotContain(bot.BotMessages(6104), Asks);
    }
}
