using System.Text;
using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Infrastructure;
using static Directive920Bot.Tests.Reports.BroadcastKit;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Reports;

/// <summary>Campaign changes are audited in one place, CampaignService, whichever way they arrive.</summary>
public sealed class CampaignAuditTests
{
    [Fact]
    public async Task Creating_and_cancelling_through_the_bot_the_api_and_the_cli_leaves_exactly_one_audit_entry_each()
    {
        await using var bot = await BroadcastKit.StartAsync();
        var campaigns = bot.Get<CampaignService>();

        // The bot: /broadcast for a later time (so it is still cancellable), then /campaigns → cancel → confirm.
        await ChooseUnitAsync(bot, await StartTextAsync(bot, "Họp chi bộ chiều nay."), "Văn phòng Sở Nội vụ");
        var summary = await bot.SayAsync(BlocAdmin, "01/12/2026 15:30", IsSummary);
        await bot.PressAndExpectReplyAsync(BlocAdmin, summary, "Xác nhận gửi");
        var byBot = Assert.Single(campaigns.List()).Id;
        var list = await bot.SayAsync(BlocAdmin, "/dotgui");
        var detail = await bot.PressAndExpectReplyAsync(BlocAdmin, list, "🔎 1. Tin thông báo: Họp chi bộ chiều nay.");
        var confirm = await bot.PressAndExpectReplyAsync(BlocAdmin, detail, "Hủy chiến dịch");
        await bot.PressAndExpectReplyAsync(BlocAdmin, confirm, "Xác nhận hủy");

        // The admin API, with the bloc admin's key.
        using var http = bot.ApiAs(BlocAdmin);
        var created = await http.PostAsync("/api/campaigns", new StringContent("""{"text":"Thông báo họp","audience":{"all":true},"sendAt":"2026-12-01T16:00:00+07:00"}""", Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        var byApi = created.Headers.Location!.ToString().Split('/')[^1];
        (await http.PostAsync($"/api/campaigns/{byApi}/cancel", null)).EnsureSuccessStatusCode();

        // The CLI, with the service stopped.
        await bot.StopHostAsync();
        var (code, output) = await RunAsync(bot, "campaign", "create", "--text", "Thông báo.", "--all", "--at", "2099-01-05T08:00:00+07:00", "--database", bot.DatabasePath);
        Assert.True(code == 0, output);
        var byCli = output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2].TrimEnd(';');
        (code, output) = await RunAsync(bot, "campaign", "cancel", byCli, "--database", bot.DatabasePath);
        Assert.True(code == 0, output);
        await bot.StartHostAsync();

        var entries = bot.Get<AuditLog>().Recent().Where(e => e.Action.StartsWith("campaign.", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, entries.Count);
        Assert.Single(entries, e => (e.Action, e.Target, e.Actor) == ("campaign.create", byBot, BlocAdmin));
        Assert.Single(entries, e => (e.Action, e.Target, e.Actor) == ("campaign.cancel", byBot, BlocAdmin));
        Assert.Single(entries, e => (e.Action, e.Target, e.Actor) == ("campaign.create", $"/api/campaigns/{byApi}", BlocAdmin));
        Assert.Single(entries, e => (e.Action, e.Target, e.Actor) == ("campaign.cancel", $"/api/campaigns/{byApi}/cancel", BlocAdmin));
        Assert.Single(entries, e => (e.Action, e.Target, e.Actor) == ("campaign.create", byCli, AuditLog.Console));
        Assert.Single(entries, e => (e.Action, e.Target, e.Actor) == ("campaign.cancel", byCli, AuditLog.Console));
    }

    [Fact]
    public async Task Cancelling_a_campaign_twice_audits_the_cancellation_once()
    {
        await using var bot = await BroadcastKit.StartAsync();
        var campaigns = bot.Get<CampaignService>();
        var campaign = campaigns.Create(new CampaignRequest(null, "Thông báo.", new AudienceRequest(All: true), SendAt: bot.Clock.GetUtcNow().AddHours(2)), Actor.Bot(BlocAdmin));

        Assert.Equal(0, campaigns.Cancel(campaign.Id, Actor.Bot(BlocAdmin)));
        Assert.Equal(0, campaigns.Cancel(campaign.Id, Actor.Console("ops")));

        var cancel = Assert.Single(bot.Get<AuditLog>().Recent(action: "campaign.cancel"));
        Assert.Equal((BlocAdmin, campaign.Id), (cancel.Actor, cancel.Target));
        Assert.Equal("bot:9001", campaigns.Find(campaign.Id)!.CancelledBy);
    }

    private static async Task<(int Code, string Output)> RunAsync(BotHarness bot, params string[] args)
    {
        using var output = new StringWriter();
        var code = await bot.RunCliAsync(output, args);
        return (code, output.ToString());
    }
}
