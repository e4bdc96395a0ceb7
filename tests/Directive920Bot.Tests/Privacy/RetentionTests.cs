using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Privacy;

/// <summary>Issue #15 §6: each kind of data is kept for its configured period, and a preview says what a run would delete.</summary>
public sealed class RetentionTests
{
    private static readonly Dictionary<string, string?> Periods = new()
    {
        ["Retention:StoppedSubscribers"] = "P30D",
        ["Retention:Audit"] = "60",
        ["Retention:AbandonedRegistrations"] = "P7D",
    };

    [Fact]
    public async Task A_stopped_cadre_is_erased_only_after_the_configured_period_and_the_preview_announced_it()
    {
        await using var bot = await BotHarness.StartAsync(Periods);
        await bot.RegisterAsync(5101, "Lê Văn Dũng");
        await bot.RegisterAsync(5102, "Trần Thị Mai");
        await bot.SayAsync(5101, "/stop");
        var retention = bot.Get<RetentionService>();

        bot.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, Line(retention.Preview(bot.Clock.GetUtcNow()), RetentionKind.StoppedSubscribers).Count);

        bot.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, Line(retention.Preview(bot.Clock.GetUtcNow()), RetentionKind.StoppedSubscribers).Count);
        Assert.NotNull(bot.Get<ISubscribers>().Find(5101));

        var done = await retention.PurgeAsync(bot.Clock.GetUtcNow());

        Assert.Equal(1, Line(done, RetentionKind.StoppedSubscribers).Count);
        Assert.Null(bot.Get<ISubscribers>().Find(5101));
        Assert.NotNull(bot.Get<ISubscribers>().Find(5102));
        Assert.Single(bot.Get<ISubscribers>().Erased());
    }

    [Fact]
    public async Task An_abandoned_registration_is_erased_after_seven_days_and_audit_entries_after_their_period()
    {
        await using var bot = await BotHarness.StartAsync(Periods);
        bot.User(5201, "Hải");
        var welcome = await bot.SayAsync(5201, "/start");
        await bot.PressAndExpectReplyAsync(5201, welcome, "Đồng ý");
        Assert.Equal(SubscriberStatus.Registering, bot.Get<ISubscribers>().Find(5201)!.Status);
        bot.Get<AuditLog>().Write(AuditLog.Console, "export", "units", "old");
        var retention = bot.Get<RetentionService>();

        bot.Clock.Advance(TimeSpan.FromDays(6));
        await retention.PurgeAsync(bot.Clock.GetUtcNow());
        Assert.NotNull(bot.Get<ISubscribers>().Find(5201));

        bot.Clock.Advance(TimeSpan.FromDays(2));
        bot.Get<AuditLog>().Write(AuditLog.Console, "export", "units", "recent");
        await retention.PurgeAsync(bot.Clock.GetUtcNow());
        Assert.Null(bot.Get<ISubscribers>().Find(5201));
        Assert.Equal(2, bot.Get<AuditLog>().Count());

        bot.Clock.Advance(TimeSpan.FromDays(53));
        Assert.Equal(1, Line(retention.Preview(bot.Clock.GetUtcNow()), RetentionKind.Audit).Count);
        await retention.PurgeAsync(bot.Clock.GetUtcNow());
        Assert.Equal("recent", Assert.Single(bot.Get<AuditLog>().Recent()).Details);
    }

    [Fact]
    public async Task The_consent_text_states_the_configured_periods_and_controller_and_a_new_period_is_a_new_consent_version()
    {
        var settings = new Dictionary<string, string?>(Periods) { ["Privacy:Controller"] = "Ban Tuyên giáo Đảng ủy Khối thử nghiệm", ["Privacy:Contact"] = "phongtg@example.vn" };
        string version;
        await using (var bot = await BotHarness.StartAsync(settings))
        {
            bot.User(5301, "Lan");
            var welcome = await bot.SayAsync(5301, "/start");
            Assert.Contains("Ban Tuyên giáo Đảng ủy Khối thử nghiệm", welcome.Text, StringComparison.Ordinal);
            Assert.Contains("phongtg@example.vn", welcome.Text, StringComparison.Ordinal);
            Assert.Contains("sau khi /ngungnhan 30 ngày", welcome.Text, StringComparison.Ordinal);
            Assert.Contains("nhật ký quản trị 60 ngày", welcome.Text, StringComparison.Ordinal);
            Assert.Contains("ngoài Việt Nam", welcome.Text, StringComparison.Ordinal);
            Assert.Contains("/xoa", welcome.Text, StringComparison.Ordinal);
            version = bot.Get<ConsentText>().Version;
            await bot.PressAndExpectReplyAsync(5301, welcome, "Đồng ý");
            Assert.Equal(version, bot.Get<ISubscribers>().Find(5301)!.ConsentVersion);
        }

        settings["Retention:Audit"] = "90";
        await using (var bot = await BotHarness.StartAsync(settings))
        {
            Assert.NotEqual(version, bot.Get<ConsentText>().Version);
        }
    }

    [Fact]
    public async Task A_retention_period_that_does_not_parse_stops_the_start_with_the_key_named()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => BotHarness.StartAsync(new Dictionary<string, string?> { ["Retention:Feedback"] = "one year" }));
        Assert.Contains("Retention:Feedback", failure.ToString(), StringComparison.Ordinal);
    }

    private static RetentionLine Line(IReadOnlyList<RetentionLine> lines, RetentionKind kind) => lines.Single(l => l.Kind == kind);
}
