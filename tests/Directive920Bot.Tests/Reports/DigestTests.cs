using Directive920Bot.Delivery;
using Directive920Bot.Reports;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Reports;

public sealed class DigestTests
{
    [Fact]
    public async Task Unit_admins_get_a_weekly_digest_once_and_bloc_admins_a_monthly_ranking()
    {
        await using var bot = await StartAsync();
        GrantUnitAdmins(bot);
        var digests = bot.Get<DigestService>();
        var ledger = bot.Get<DeliveryLedger>();

        // Tuesday 1 December: not the weekly day, but the first of the month (the bloc admin's ranking).
        // (The Quartz tick may have run it already at start: the ledger rows, keyed per period, are what counts.)
        await digests.RunAsync(bot.Clock.GetUtcNow());
        Assert.Single(ledger.ForSubscriber(BlocAdmin), r => r.Kind == DeliveryKind.Digest);
        Assert.Empty(ledger.ForSubscriber(UnitAdminInScope));

        bot.Clock.Advance(TimeSpan.FromDays(6)); // Monday 7 December, 08:00
        await digests.RunAsync(bot.Clock.GetUtcNow());
        Assert.Equal(new DigestRun(0, 0), await digests.RunAsync(bot.Clock.GetUtcNow().AddHours(1)));
        Assert.Single(ledger.ForSubscriber(UnitAdminOutOfScope), r => r.Kind == DeliveryKind.Digest);
        var weekly = ledger.ForSubscriber(UnitAdminInScope).Single(r => r.Kind == DeliveryKind.Digest);
        Assert.Contains("Bản tin tuần", weekly.Html, StringComparison.Ordinal);
        Assert.Contains("Sở Nội vụ", weekly.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Tài chính", weekly.Html, StringComparison.Ordinal);
        Assert.Contains("Chưa xác nhận sau khi đã nhắc: 0", weekly.Html, StringComparison.Ordinal);

        bot.Clock.Advance(TimeSpan.FromDays(25)); // Friday 1 January 2027
        await digests.RunAsync(bot.Clock.GetUtcNow());
        var ranking = ledger.ForSubscriber(BlocAdmin).Single(r => r.Kind == DeliveryKind.Digest && r.Id.StartsWith("dg:m:2027-01:", StringComparison.Ordinal));
        Assert.Contains("1. ", ranking.Html, StringComparison.Ordinal);
        Assert.Contains("Sở Khoa học và Công nghệ", ranking.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_for_an_admin_who_reads_english_is_recorded_in_english()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync(UnitAdminInScope, "Unit Admin", "SNV-VP", language: "en");
        GrantUnitAdmins(bot);
        var digests = bot.Get<DigestService>();
        var ledger = bot.Get<DeliveryLedger>();

        bot.Clock.Advance(TimeSpan.FromDays(6)); // Monday 7 December, 08:00: the weekly digest
        await digests.RunAsync(bot.Clock.GetUtcNow());

        var weekly = ledger.ForSubscriber(UnitAdminInScope).Single(r => r.Kind == DeliveryKind.Digest);
        Assert.Equal("en", weekly.Language);
        Assert.Equal("vi", ledger.ForSubscriber(UnitAdminOutOfScope).Single(r => r.Kind == DeliveryKind.Digest).Language);
    }
}
