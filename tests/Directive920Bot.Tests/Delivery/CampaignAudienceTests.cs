using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Delivery;

public sealed class CampaignAudienceTests
{
    [Fact]
    public async Task A_lesson_to_three_units_with_sub_units_reaches_exactly_their_members_in_their_language()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings());
        bot.Seed(1, "SNV");                    // unit itself
        bot.Seed(2, "SNV-VP", language: "en"); // sub-unit of SNV
        bot.Seed(3, "STC-NS");                 // sub-unit of STC
        bot.Seed(4, "SKHCN-CDS", leader: true, language: "en");
        bot.Seed(5, "SXD");                    // outside the audience
        bot.Seed(6, "SXD-VP");                 // outside the audience

        var campaign = bot.Get<CampaignService>().Create(
            new CampaignRequest("c1-context", null, new AudienceRequest(["SNV", "STC", "SKHCN"], IncludeSubUnits: true)), Actor.Console("test"));
        await bot.DrainAsync(campaign.Id);

        var item = bot.Get<Directive920Bot.Content.ContentService>().Current.Find("c1-context")!;
        var viTitle = item.For("vi").Title;
        var enTitle = item.For("en").Title;
        foreach (var id in new long[] { 1, 3 })
        {
            Assert.Contains(bot.BotMessages(id), m => m.Text!.Contains(viTitle, StringComparison.Ordinal));
        }

        foreach (var id in new long[] { 2, 4 })
        {
            Assert.Contains(bot.BotMessages(id), m => m.Text!.Contains(enTitle, StringComparison.Ordinal));
        }

        Assert.Empty(bot.BotMessages(5));
        Assert.Empty(bot.BotMessages(6));
        var progress = bot.Get<CampaignService>().Progress(campaign.Id);
        Assert.Equal(4, progress.Expanded);
        Assert.Equal(4, progress.Sent);
    }

    [Fact]
    public async Task Without_sub_units_only_members_of_the_named_units_get_it_and_roles_narrow_it()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings());
        bot.Seed(11, "SNV");
        bot.Seed(12, "SNV-VP");
        bot.Seed(13, "STC", leader: true);
        bot.Seed(14, "STC");
        bot.Seed(15, "SKHCN", leader: true);

        var all = bot.Announce("Họp chi bộ **thứ Sáu**.", new AudienceRequest(["SNV", "STC", "SKHCN"], IncludeSubUnits: false));
        await bot.DrainAsync(all.Id);
        Assert.Equal([11L, 13, 14, 15], bot.Get<CampaignService>().Deliveries(all.Id).Select(r => r.SubscriberId).Order().ToArray());
        Assert.Empty(bot.BotMessages(12));
        Assert.Equal("Họp chi bộ <b>thứ Sáu</b>.", bot.BotMessages(11).Single().Html);

        var leaders = bot.Announce("Lãnh đạo họp.", new AudienceRequest(["SNV", "STC", "SKHCN"], IncludeSubUnits: true, Roles: ["leader"]));
        await bot.DrainAsync(leaders.Id);
        Assert.Equal([13L, 15], bot.Get<CampaignService>().Deliveries(leaders.Id).Select(r => r.SubscriberId).Order().ToArray());
    }
}
