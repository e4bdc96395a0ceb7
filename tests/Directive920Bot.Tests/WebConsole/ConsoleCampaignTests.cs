using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Delivery;
using Directive920Bot.Tests.Infrastructure;
using Directive920Bot.WebConsole;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.WebConsole;

/// <summary>
/// Chiến dịch in the console: the create form (errors beside the fields, nothing written on a bad form, preview, test
/// send), the approval by a second bloc admin, live progress, and resend-to-failed once per page view.
/// </summary>
public sealed partial class ConsoleCampaignTests
{
    private const long SecondBlocAdmin = 9005;

    [Fact]
    public async Task A_campaign_created_in_the_console_for_a_unit_reaches_its_members_and_the_page_shows_100_percent()
    {
        await using var bot = await StartAsync(extra: DeliveryKit.Settings());
        await bot.RegisterAsync(Cadre, "Đặng Thị Hằng", TargetUnit);
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);

        var id = await CreateAsync(browser, Fields("**Họp chi bộ** thứ Năm", TargetUnit));

        await bot.DrainAsync(id);
        Assert.Contains(bot.BotMessages(Cadre), m => m.Html?.Contains("<b>Họp chi bộ</b>", StringComparison.Ordinal) == true);
        var page = await browser.Http.GetStringAsync($"/console/campaigns/{id}");
        Assert.Contains("100 %", page, StringComparison.Ordinal);
        Assert.Contains("Đặng Thị Hằng", page, StringComparison.Ordinal);
        var fragment = await browser.Http.GetStringAsync($"/console/campaigns/{id}/progress");
        Assert.Contains("data-final=\"1\"", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);
        var created = Assert.Single(bot.Get<AuditLog>().Recent(20, "campaign.create"));
        Assert.Equal(BlocAdmin, created.Actor);
        Assert.Contains(id, await browser.Http.GetStringAsync("/console/campaigns"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_form_shows_each_error_beside_its_field_in_Vietnamese_and_writes_nothing()
    {
        await using var bot = await StartAsync();
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);
        var page = await browser.Http.GetStringAsync("/console/campaigns/new");

        var response = await browser.PostAsync("/console/campaigns/new", page, new Dictionary<string, string>
        {
            ["kind"] = "text", ["when"] = "at", ["at"] = "2020-01-01T08:00", ["remindAfter"] = "9999", ["do"] = "create",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"content-error\">" + CampaignTexts.ErrorContent.Vi, html, StringComparison.Ordinal);
        Assert.Contains("id=\"units-error\">" + CampaignTexts.ErrorAudience.Vi, html, StringComparison.Ordinal);
        Assert.Contains("id=\"at-error\">" + CampaignTexts.ErrorAt.Vi, html, StringComparison.Ordinal);
        Assert.Contains("id=\"reminders-error\">" + CampaignTexts.ErrorReminders.Vi, html, StringComparison.Ordinal);
        Assert.Empty(bot.Get<CampaignService>().List());
        Assert.Empty(bot.Get<AuditLog>().Recent(20, "campaign.create"));
    }

    [Fact]
    public async Task A_unit_admin_can_neither_open_nor_post_the_campaign_pages_since_campaigns_are_a_bloc_admins_as_in_the_bot()
    {
        await using var bot = await StartAsync();
        GrantUnitAdmins(bot);
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, UnitAdminInScope);
        var overview = await browser.Http.GetStringAsync("/console");

        var list = await browser.Http.GetAsync("/console/campaigns");
        var create = await browser.PostAsync("/console/campaigns/new", overview, Fields("Họp", TargetUnit));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (list.StatusCode, create.StatusCode));
        Assert.Contains(CampaignTexts.BlocAdminsOnly.Vi, WebUtility.HtmlDecode(await create.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain("/console/campaigns", overview, StringComparison.Ordinal);
        Assert.Empty(bot.Get<CampaignService>().List());
    }

    [Fact]
    public async Task The_preview_renders_the_Markdown_as_cadres_will_see_it_and_creates_nothing()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync(Cadre, "Đặng Thị Hằng", TargetUnit);
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);
        var page = await browser.Http.GetStringAsync("/console/campaigns/new");

        var submit = await browser.PostAsync("/console/campaigns/new", page, new Dictionary<string, string>(Fields("**Họp** chi bộ <script>", TargetUnit)) { ["do"] = "preview" });
        var fragment = await browser.PostAsync("/console/campaigns/preview", page, Fields("_Khẩn_ [xem](javascript:alert(1))", TargetUnit));

        var html = await submit.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.Contains("<b>Họp</b> chi bộ &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Sẽ gửi tới 1 người.", html, StringComparison.Ordinal);
        var part = await fragment.Content.ReadAsStringAsync();
        Assert.Contains("<i>Khẩn</i>", part, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", part, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", part, StringComparison.Ordinal);
        Assert.Empty(bot.Get<CampaignService>().List());
    }

    [Fact]
    public async Task A_test_sent_to_yourself_reaches_your_own_chat_only_is_audited_and_counts_in_no_campaign()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync(Cadre, "Đặng Thị Hằng", TargetUnit);
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);
        var page = await browser.Http.GetStringAsync("/console/campaigns/new");
        var cadreMessages = bot.BotMessages(Cadre).Count;

        var response = await browser.PostAsync("/console/campaigns/new", page, new Dictionary<string, string>(Fields("Thử **họp chi bộ**", TargetUnit)) { ["do"] = "test" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đã gửi thử 1 tin", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(bot.BotMessages(BlocAdmin), m => m.Html?.Contains("Thử <b>họp chi bộ</b>", StringComparison.Ordinal) == true);
        Assert.Equal(cadreMessages, bot.BotMessages(Cadre).Count);
        Assert.Empty(bot.Get<CampaignService>().List());
        Assert.Equal(BlocAdmin, Assert.Single(bot.Get<AuditLog>().Recent(20, "campaign.test")).Actor);
    }

    [Fact]
    public async Task With_approval_on_a_campaign_waits_until_a_second_bloc_admin_approves_and_neither_its_creator_nor_a_unit_admin_can()
    {
        await using var bot = await StartAsync(extra: Approval());
        GrantUnitAdmins(bot);
        await bot.RegisterAsync(Cadre, "Đặng Thị Hằng", TargetUnit);
        using var creator = new ConsoleBrowser(bot);
        using var unitAdmin = new ConsoleBrowser(bot);
        using var second = new ConsoleBrowser(bot);
        await creator.SignInAsync(bot, BlocAdmin);
        await unitAdmin.SignInAsync(bot, UnitAdminInScope);
        await second.SignInAsync(bot, SecondBlocAdmin);
        var campaigns = bot.Get<CampaignService>();

        var id = await CreateAsync(creator, Fields("Họp chi bộ", TargetUnit));
        Assert.Equal(CampaignStatus.AwaitingApproval, campaigns.Find(id)!.Status);
        Assert.Equal(0, campaigns.Progress(id).Expanded);
        var creatorPage = await creator.Http.GetStringAsync($"/console/campaigns/{id}");
        Assert.Contains("Chờ duyệt", creatorPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"approve\"", creatorPage, StringComparison.Ordinal);

        var own = await creator.PostAsync($"/console/campaigns/{id}/approve", creatorPage);
        var unit = await unitAdmin.PostAsync($"/console/campaigns/{id}/approve", await unitAdmin.Http.GetStringAsync("/console"));
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains(CampaignTexts.ApproveOwn.Vi, WebUtility.HtmlDecode(await own.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, unit.StatusCode);
        Assert.Equal(CampaignStatus.AwaitingApproval, campaigns.Find(id)!.Status);
        Assert.DoesNotContain(bot.BotMessages(Cadre), m => m.Html?.Contains("Họp chi bộ", StringComparison.Ordinal) == true);

        var secondPage = await second.Http.GetStringAsync($"/console/campaigns/{id}");
        Assert.Contains("id=\"approve\"", secondPage, StringComparison.Ordinal);
        var approved = await second.PostAsync($"/console/campaigns/{id}/approve", secondPage);

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(SecondBlocAdmin, Assert.Single(bot.Get<AuditLog>().Recent(20, "campaign.approve")).Actor);
        await bot.DrainAsync(id);
        Assert.Contains(bot.BotMessages(Cadre), m => m.Html?.Contains("Họp chi bộ", StringComparison.Ordinal) == true);
        Assert.Equal(HttpStatusCode.Conflict, (await second.PostAsync($"/console/campaigns/{id}/approve", secondPage)).StatusCode);
    }

    [Fact]
    public async Task With_approval_on_a_campaign_created_through_the_API_or_the_bot_service_waits_too()
    {
        await using var bot = await StartAsync(extra: Approval());
        var campaigns = bot.Get<CampaignService>();

        var byBot = campaigns.Create(new CampaignRequest(null, "Họp", new AudienceRequest([TargetUnit])), Actor.Bot(BlocAdmin));
        using var api = bot.ApiAs(BlocAdmin);
        var created = await api.PostAsync("/api/campaigns", new StringContent(
            "{\"text\":\"Họp\",\"audience\":{\"units\":[\"SNV-VP\"]}}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.All(campaigns.List(), c => Assert.Equal(CampaignStatus.AwaitingApproval, c.Status));
        Assert.Equal(2, campaigns.List().Count);
        // The same person through another channel is still the creator.
        Assert.Equal(ApprovalOutcome.OwnCampaign, campaigns.Approve(byBot.Id, Actor.Web(BlocAdmin)));
        Assert.Equal(ApprovalOutcome.Approved, campaigns.Approve(byBot.Id, Actor.Web(SecondBlocAdmin)));
        Assert.NotEqual(CampaignStatus.AwaitingApproval, campaigns.Find(byBot.Id)!.Status);
    }

    [Fact]
    public async Task Resend_to_the_failed_requeues_each_failed_row_once_even_when_the_form_is_sent_twice()
    {
        await using var bot = await StartAsync(extra: DeliveryKit.Settings());
        await bot.RegisterAsync(Cadre, "Đặng Thị Hằng", TargetUnit);
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);
        var id = await CreateAsync(browser, Fields("Họp chi bộ", TargetUnit));
        await bot.DrainAsync(id);
        var campaigns = bot.Get<CampaignService>();
        Fail(bot, id);
        var page = await browser.Http.GetStringAsync($"/console/campaigns/{id}?state=failed");
        Assert.Contains("id=\"resend\"", page, StringComparison.Ordinal);
        var asOf = AsOfPattern().Match(page).Groups[1].Value;

        var first = await browser.PostAsync($"/console/campaigns/{id}/resend", page, new Dictionary<string, string> { ["asOf"] = asOf });
        await bot.DrainAsync(id);
        // It fails again before the second click of the same form arrives: still not queued a second time.
        bot.Clock.Advance(TimeSpan.FromSeconds(5));
        Fail(bot, id);
        var second = await browser.PostAsync($"/console/campaigns/{id}/resend", page, new Dictionary<string, string> { ["asOf"] = asOf });

        Assert.Equal($"/console/campaigns/{id}?done=resent&n=1", first.Headers.Location!.OriginalString);
        Assert.Equal($"/console/campaigns/{id}?done=resent&n=0", second.Headers.Location!.OriginalString);
        Assert.Equal(1, campaigns.Progress(id).Failed);
        Assert.Single(bot.Get<AuditLog>().Recent(20, "campaign.resend"));
    }

    [Fact]
    public async Task Campaign_forms_posted_without_the_form_token_are_refused_and_change_nothing()
    {
        await using var bot = await StartAsync();
        using var browser = new ConsoleBrowser(bot);
        await browser.SignInAsync(bot, BlocAdmin);
        var campaigns = bot.Get<CampaignService>();
        var id = campaigns.Create(new CampaignRequest(null, "Họp", new AudienceRequest([TargetUnit]), bot.Clock.GetUtcNow().AddDays(1)), Actor.Console("ops")).Id;

        var create = await browser.PostAsync("/console/campaigns/new", page: null, Fields("Họp", TargetUnit));
        var test = await browser.PostAsync("/console/campaigns/new", page: null, new Dictionary<string, string>(Fields("Họp", TargetUnit)) { ["do"] = "test" });
        var cancel = await browser.PostAsync($"/console/campaigns/{id}/cancel", page: null);
        var preview = await browser.PostAsync("/console/campaigns/preview", page: null, Fields("Họp", TargetUnit));

        Assert.All(new[] { create, test, cancel, preview }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Single(campaigns.List());
        Assert.Equal(CampaignStatus.Scheduled, campaigns.Find(id)!.Status);
        Assert.Empty(bot.Get<AuditLog>().Recent(20, "campaign.test"));
    }

    private static Dictionary<string, string?> Approval() => DeliveryKit.Settings(
        ("Console:CampaignApproval", "true"),
        ("Bot:SuperAdmins:1", SecondBlocAdmin.ToString(CultureInfo.InvariantCulture)));

    private static Dictionary<string, string> Fields(string text, string unit) => new()
    {
        ["kind"] = "text", ["text"] = text, ["units"] = unit, ["subUnits"] = "1", ["when"] = "now", ["requireAck"] = "1", ["do"] = "create",
    };

    /// <summary>Posts the create form as the page would and returns the new campaign's id (from the redirect).</summary>
    private static async Task<string> CreateAsync(ConsoleBrowser browser, Dictionary<string, string> fields)
    {
        var page = await browser.Http.GetStringAsync("/console/campaigns/new");
        var response = await browser.PostAsync("/console/campaigns/new", page, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return CampaignPattern().Match(response.Headers.Location!.OriginalString).Groups[1].Value;
    }

    /// <summary>The campaign's sent rows fail (as after a channel outage), now.</summary>
    private static void Fail(BotHarness bot, string id)
    {
        var store = bot.Get<IDeliveryLedgerStore>();
        var now = bot.Clock.GetUtcNow().UtcDateTime;
        bot.Get<IStorage>().Write(tx =>
        {
            foreach (var row in bot.Get<CampaignService>().Deliveries(id).Where(r => r.State is DeliveryState.Sent or DeliveryState.Pending or DeliveryState.Sending))
            {
                row.State = DeliveryState.Failed;
                row.LastError = "400: Bad Request (test)";
                row.UpdatedAt = now;
                store.Update(tx, row);
            }
        });
    }

    [GeneratedRegex("^/console/campaigns/([0-9a-f]+)")]
    private static partial Regex CampaignPattern();

    [GeneratedRegex("name=\"asOf\" value=\"([0-9]+)\"")]
    private static partial Regex AsOfPattern();
}
