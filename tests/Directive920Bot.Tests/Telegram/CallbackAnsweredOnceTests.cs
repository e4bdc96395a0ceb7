using Directive920Bot.Channels;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Telegram;

public sealed class CallbackAnsweredOnceTests
{
    [Fact]
    public async Task Every_button_press_of_a_registration_is_answered_exactly_once()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.RegisterAsync(2701);

        var presses = bot.Emulator.Calls.Where(c => c.Method == "answerCallbackQuery").ToList();
        Assert.NotEmpty(presses);
        Assert.All(presses, c => Assert.Equal(200, c.StatusCode));
    }

    [Fact]
    public async Task A_forged_callback_key_changes_nothing_and_gets_a_clear_answer()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.RegisterAsync(2702);
        var profile = await bot.SayAsync(2702, "/profile");
        var before = bot.Get<Directive920Bot.Registration.ISubscribers>().Find(2702)!;

        // A button of someone else's message cannot be pressed in Telegram; a stale or forged key can arrive, though.
        var stale = bot.Emulator.Transcript(2702).Single(m => m.MessageId == profile.MessageId).Buttons[0][0].CallbackData!;
        bot.Get<CallbackKeyStore>().RevokeOwnedBy(2702);
        var id = bot.Emulator.PressButton(2702, profile.MessageId, stale);
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.GetCallbackAnswer(id)?.Answered == true, BotHarness.Wait);

        Assert.Contains("hết hiệu lực", bot.Emulator.GetCallbackAnswer(id)!.Text, StringComparison.Ordinal);
        var after = bot.Get<Directive920Bot.Registration.ISubscribers>().Find(2702)!;
        Assert.Equal(before.Conversation, after.Conversation);
    }

    [Fact]
    public async Task A_button_pressed_by_someone_other_than_its_owner_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.RegisterAsync(2703);
        await bot.RegisterAsync(2704, "Trần Văn Bảy", "STC");
        var profile = await bot.SayAsync(2703, "/profile");
        var othersKey = bot.Current(2703, profile.MessageId).Buttons[0][0].CallbackData!;

        // The owner's key shown to another account, as a copied keyboard would be.
        var messenger = bot.Get<Directive920Bot.Telegram.Messenger>();
        var copy = await messenger.ReplyAsync(2704, new Directive920Bot.Channels.OutboundMessage("copy")
            .WithButtons([new Directive920Bot.Channels.OutboundButton("✏️", othersKey)]), CancellationToken.None);
        var id = bot.Emulator.PressButton(2704, copy.MessageId!.Value, othersKey);
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.GetCallbackAnswer(id)?.Answered == true, BotHarness.Wait);

        Assert.Contains("không dành cho", bot.Emulator.GetCallbackAnswer(id)!.Text, StringComparison.Ordinal);
        Assert.Null(bot.Get<Directive920Bot.Registration.ISubscribers>().Find(2703)!.Conversation);
        Assert.Null(bot.Get<Directive920Bot.Registration.ISubscribers>().Find(2704)!.Conversation);
    }
}
