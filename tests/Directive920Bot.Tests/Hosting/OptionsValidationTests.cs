using Directive920Bot.Hosting;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Tests.Hosting;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Bot:TimeZone", "Mars/Olympus", "Bot:TimeZone must be an IANA time zone such as Asia/Ho_Chi_Minh, was 'Mars/Olympus'.")]
    [InlineData("Bot:DefaultLanguage", "fr", "Bot:DefaultLanguage must be 'vi' or 'en', was 'fr'.")]
    [InlineData("Telegram:Mode", "Webhook", "Telegram:WebhookSecret must be 32 to 256 characters of A-Z, a-z, 0-9, '_' and '-' in Webhook mode, was 0 character(s).")]
    [InlineData("Telegram:Mode", "Webhook", "Telegram:WebhookUrl must be an absolute https URL (http only for a loopback address) in Webhook mode, was ''.")]
    [InlineData("Telegram:ApiBaseUrl", "ftp://x", "Telegram:ApiBaseUrl must be an absolute http(s) URL, was 'ftp://x'.")]
    [InlineData("Telegram:PollTimeoutSeconds", "99", "Telegram:PollTimeoutSeconds must be between 0 and 50, was 99.")]
    [InlineData("Media:LinkLifetime", "00:00:10", "Media:LinkLifetime must be between 00:05:00 and 7.00:00:00 (a few hours, e.g. 04:00:00), was '00:00:10'.")]
    [InlineData("Admin:PublicBaseUrl", "ftp://bot.example.vn", "Admin:PublicBaseUrl must be an absolute http(s) address without query or fragment, such as https://bot.example.vn, was 'ftp://bot.example.vn'.")]
    [InlineData("Scheduler:ClusterCheckinInterval", "soon", "Scheduler:ClusterCheckinInterval = 'soon' is not a duration from 1 second to 10 minutes.")]
    [InlineData("Scheduler:ClusterCheckinInterval", "00:00:00.500", "Scheduler:ClusterCheckinInterval = '00:00:00.500' is not a duration from 1 second to 10 minutes.")]
    [InlineData("Scheduler:ClusterCheckinInterval", "01:00:00", "Scheduler:ClusterCheckinInterval = '01:00:00' is not a duration from 1 second to 10 minutes.")]
    [InlineData("Admin:ApiKeys:ops:Role", "Admni", "Admin:ApiKeys:ops:Role must be BlocAdmin or UnitAdmin, was 'Admni'.")]
    public async Task A_bad_setting_stops_start_up_with_a_message_naming_the_key_and_the_value(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key.StartsWith("Admin:ApiKeys:ops:", StringComparison.Ordinal))
        {
            settings["Admin:ApiKeys:ops:Key"] = "a-test-key-for-ops-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js";
        }

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHarness.StartAsync(settings));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_vietnam_zone_falls_back_to_a_fixed_utc_plus_7_without_tzdata()
    {
        Assert.True(BotClock.TryResolveZone("Asia/Ho_Chi_Minh", out var zone));
        Assert.Equal(TimeSpan.FromHours(7), zone.GetUtcOffset(new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.False(BotClock.TryResolveZone("Nowhere/Else", out _));
    }

    [Fact]
    public void Local_times_convert_to_utc_instants_in_the_bot_zone()
    {
        var clock = new BotClock(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(BotHarness.DefaultStart), Options.Create(new BotOptions()));

        Assert.Equal(new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero), clock.ToUtc(new DateTime(2027, 1, 1, 0, 0, 0)));
        Assert.Equal(new DateTime(2026, 12, 1, 8, 0, 0), clock.LocalNow);
    }

    [Fact]
    public void The_token_is_never_part_of_the_options_text()
    {
        var options = new Directive920Bot.Telegram.TelegramOptions { BotToken = "4242:super-secret-value" };

        Assert.DoesNotContain("super-secret", options.ToString(), StringComparison.Ordinal);
    }
}
