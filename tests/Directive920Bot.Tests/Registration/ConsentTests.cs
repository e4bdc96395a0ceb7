using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Registration;

public sealed class ConsentTests
{
    [Fact]
    public async Task Refusing_consent_stores_nothing_about_the_person()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.User(2301);

        var welcome = await bot.SayAsync(2301, "/start");
        Assert.Contains("Mục đích xử lý", welcome.Text, StringComparison.Ordinal);
        await bot.PressAsync(2301, welcome, "Không đồng ý");

        Assert.Contains("không lưu", bot.Current(2301, welcome.MessageId).Text, StringComparison.Ordinal);
        Assert.Null(bot.Get<ISubscribers>().Find(2301));
        // Every stored record, on either provider; the inbox holds raw updates until they are handled.
        Assert.Empty(StoredText.Holders(bot, "2301"));
    }

    [Fact]
    public async Task Consent_is_recorded_once_with_its_time_and_text_version()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.User(2302);
        var welcome = await bot.SayAsync(2302, "/start");
        await bot.PressAndExpectReplyAsync(2302, welcome, "Đồng ý");
        var first = bot.Get<ISubscribers>().Find(2302)!;

        bot.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await bot.SayAsync(2302, "/start");

        Assert.Contains("đăng ký dở", again.Text, StringComparison.Ordinal);
        var stored = bot.Get<ISubscribers>().Find(2302)!;
        Assert.Equal(BotHarness.DefaultStart.UtcDateTime, stored.ConsentAt);
        Assert.Equal(first.ConsentAt, stored.ConsentAt);
        Assert.StartsWith("sha-", stored.ConsentVersion, StringComparison.Ordinal);
        Assert.Empty(bot.Current(2302, welcome.MessageId).Buttons);
    }
}
