using System.Text.Json;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Registration;

public sealed class LifecycleCommandTests
{
    [Fact]
    public async Task Delete_after_confirmation_erases_personal_data_and_keeps_an_anonymous_count()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.RegisterAsync(2401, "Võ Thị Hồng", "SNV-VP");
        // Before: the store holds the name (otherwise the search below proves nothing).
        Assert.NotEmpty(StoredText.Holders(bot, "Võ Thị Hồng"));

        var ask = await bot.SayAsync(2401, "/delete");
        await bot.PressAsync(2401, ask, "Xóa dữ liệu");

        Assert.Null(bot.Get<ISubscribers>().Find(2401));
        var erased = Assert.Single(bot.Get<ISubscribers>().Erased());
        Assert.Equal("SNV-VP", erased.UnitCode);
        Assert.True(erased.Id < 0);
        Assert.Empty(StoredText.Holders(bot, "Võ Thị Hồng"));

        Assert.Contains("đã được xóa", bot.Current(2401, ask.MessageId).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declining_the_delete_confirmation_keeps_everything()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.RegisterAsync(2402);

        var ask = await bot.SayAsync(2402, "/delete");
        await bot.PressAsync(2402, ask, "Không");

        Assert.NotNull(bot.Get<ISubscribers>().Find(2402));
    }

    [Fact]
    public async Task Stop_unsubscribes_and_start_subscribes_again()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.RegisterAsync(2403);

        await bot.SayAsync(2403, "/stop");
        Assert.Equal(SubscriberStatus.Stopped, bot.Get<ISubscribers>().Find(2403)!.Status);
        var twice = await bot.SayAsync(2403, "/stop");
        Assert.Contains("từ trước", twice.Text, StringComparison.Ordinal);

        var back = await bot.SayAsync(2403, "/start");
        Assert.Contains("trở lại", back.Text, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Active, bot.Get<ISubscribers>().Find(2403)!.Status);
    }

    [Fact]
    public async Task Mydata_sends_the_stored_profile_as_a_json_file()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.RegisterAsync(2404, "Lê Văn Tám", "SKHCN");

        var file = await bot.SayAsync(2404, "/mydata", m => m.Document?.FileName.EndsWith(".json", StringComparison.Ordinal) == true);

        using var json = JsonDocument.Parse(file.Document!.Content);
        var profile = json.RootElement.GetProperty("profile");
        Assert.Equal("Lê Văn Tám", profile.GetProperty("FullName").GetString());
        Assert.Equal("SKHCN", profile.GetProperty("UnitCode").GetString());
    }

    [Fact]
    public async Task Profile_edits_the_name_and_saves_it_at_once()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.RegisterAsync(2405, "Lê Văn Tám", "SKHCN");

        var profile = await bot.SayAsync(2405, "/profile");
        Assert.Contains("Lê Văn Tám", profile.Text, StringComparison.Ordinal);
        await bot.PressAndExpectReplyAsync(2405, profile, "Sửa họ tên");
        await bot.SayAsync(2405, "Lê Văn Tâm");

        var stored = bot.Get<ISubscribers>().Find(2405)!;
        Assert.Equal("Lê Văn Tâm", stored.FullName);
        Assert.Null(stored.Conversation);
        Assert.True(stored.IsRegistered);
    }

    [Fact]
    public async Task Language_switches_the_replies_to_english()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.RegisterAsync(2406);

        var chooser = await bot.SayAsync(2406, "/language");
        await bot.PressAndExpectReplyAsync(2406, chooser, "English");
        var help = await bot.SayAsync(2406, "/help");

        Assert.Equal("en", bot.Get<ISubscribers>().Find(2406)!.Language);
        Assert.Contains("Your commands", help.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blocking_the_bot_marks_the_subscriber_blocked_and_unblocking_restores_them()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.RegisterAsync(2407);

        bot.Emulator.Block(2407);
        await bot.Emulator.WaitUntilAsync(() => bot.Get<ISubscribers>().Find(2407)!.Status == SubscriberStatus.Blocked, BotHarness.Wait);
        bot.Emulator.Unblock(2407);
        await bot.Emulator.WaitUntilAsync(() => bot.Get<ISubscribers>().Find(2407)!.Status == SubscriberStatus.Active, BotHarness.Wait);
    }
}
