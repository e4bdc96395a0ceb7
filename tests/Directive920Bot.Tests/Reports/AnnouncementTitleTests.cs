using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Reports;

namespace Directive920Bot.Tests.Reports;

/// <summary>A free-text announcement is named by its date and first words in nudges, digests and reports, not by its key.</summary>
public sealed class AnnouncementTitleTests
{
    [Fact]
    public async Task An_announcement_is_titled_by_its_local_date_and_first_words()
    {
        await using var bot = await BroadcastKit.StartAsync();
        var campaign = bot.Get<CampaignService>().Create(
            new CampaignRequest(null, "Họp **chi bộ** lúc 14 giờ để quán triệt Thông báo 920-TB/TU của Ban Thường vụ", new AudienceRequest(All: true)), Actor.Console("test"));

        var title = bot.Get<ReportService>().Title("campaign:" + campaign.Id);

        Assert.StartsWith("Thông báo ngày 01/12: Họp chi bộ lúc 14 giờ", title, StringComparison.Ordinal);
        Assert.EndsWith("…", title, StringComparison.Ordinal);
        Assert.DoesNotContain("campaign:", title, StringComparison.Ordinal);
        Assert.Equal("Thông báo", bot.Get<ReportService>().Title("campaign:missing"));
    }
}
