using Directive920Bot.Delivery;
using Directive920Bot.Hosting;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Delivery;

public sealed class CampaignCliTests
{
    [Fact]
    public async Task The_cli_creates_lists_shows_and_cancels_campaigns_while_the_service_is_stopped()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings());
        bot.Seed(1101, "SNV-VP");
        bot.Seed(1102, "STC");
        await bot.StopHostAsync();

        var (code, output) = await RunAsync(bot, "campaign", "create", "--text", "Họp **chi bộ**", "--units", "SNV", "--sub-units", "--database", bot.DatabasePath);
        Assert.True(code == 0, output);
        var id = output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2].TrimEnd(';');
        Assert.Contains("remaining 1", output, StringComparison.Ordinal);

        (code, output) = await RunAsync(bot, "campaign", "create", "--lesson", "c1-context", "--all", "--at", "2099-01-05T08:00:00+07:00", "--database", bot.DatabasePath);
        Assert.True(code == 0, output);
        var later = output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2].TrimEnd(';');

        (code, output) = await RunAsync(bot, "campaign", "list", "--database", bot.DatabasePath);
        Assert.Equal(0, code);
        Assert.Contains(id, output, StringComparison.Ordinal);
        Assert.Contains(later + "\tscheduled", output, StringComparison.Ordinal);

        (code, output) = await RunAsync(bot, "campaign", "cancel", later, "--database", bot.DatabasePath);
        Assert.Equal(0, code);
        (code, output) = await RunAsync(bot, "campaign", "show", later, "--database", bot.DatabasePath);
        Assert.Contains("cancelled", output, StringComparison.Ordinal);

        (code, output) = await RunAsync(bot, "campaign", "create", "--text", "x", "--units", "NOPE", "--database", bot.DatabasePath);
        Assert.Equal(1, code);
        Assert.Contains("audience.units: Unknown unit 'NOPE'.", output, StringComparison.Ordinal);

        // Started again, the service sends what the CLI planned.
        await bot.StartHostAsync();
        await bot.DrainAsync(id);
        Assert.Equal("Họp <b>chi bộ</b>", bot.BotMessages(1101).Single().Html);
        Assert.Empty(bot.BotMessages(1102));
    }

    [Fact]
    public async Task The_cli_sets_or_clears_acknowledge_after_understanding_per_campaign_and_refuses_it_for_a_text()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings());
        await bot.StopHostAsync();

        var (code, output) = await RunAsync(bot, "campaign", "create", "--lesson", "c1-context", "--all", "--at", "2099-01-05T08:00:00+07:00",
            "--quiz-before-ack", "--quiz-mode", "poll", "--database", bot.DatabasePath);
        Assert.True(code == 0, output);
        var gated = output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2].TrimEnd(';');
        (code, output) = await RunAsync(bot, "campaign", "create", "--lesson", "c1-context", "--all", "--at", "2099-01-05T08:00:00+07:00",
            "--quiz-before-ack", "false", "--database", bot.DatabasePath);
        Assert.True(code == 0, output);
        var open = output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2].TrimEnd(';');
        (code, output) = await RunAsync(bot, "campaign", "create", "--lesson", "c1-context", "--all", "--at", "2099-01-05T08:00:00+07:00", "--database", bot.DatabasePath);
        Assert.True(code == 0, output);
        var inherits = output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2].TrimEnd(';');

        (code, output) = await RunAsync(bot, "campaign", "create", "--text", "Họp chi bộ", "--all", "--quiz-before-ack", "--database", bot.DatabasePath);
        Assert.Equal(1, code);
        Assert.StartsWith("requireQuizBeforeAck: ", output, StringComparison.Ordinal);

        await bot.StartHostAsync();
        var campaigns = bot.Get<CampaignService>();
        Assert.True(campaigns.Find(gated)!.RequireQuizBeforeAck);
        Assert.Equal("poll", campaigns.Find(gated)!.QuizMode);
        Assert.False(campaigns.Find(open)!.RequireQuizBeforeAck);
        Assert.Null(campaigns.Find(inherits)!.RequireQuizBeforeAck);
        Assert.Equal(3, campaigns.List().Count);
    }

    [Fact]
    public async Task While_the_service_runs_the_cli_says_the_database_is_in_use_and_points_to_the_api()
    {
        BotHarness.StayOnLiteDb("the LiteDB file's instance lock (a PostgreSQL store is shared by design)");
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings());
        var (code, output) = await RunAsync(bot, "campaign", "list", "--database", bot.DatabasePath);
        Assert.Equal(3, code);
        Assert.Contains("/api/campaigns", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_progress_bar_shows_the_share_sent()
    {
        var bar = CampaignCli.Bar(new CampaignProgress(10, 4, 1, 0, 0, 5, 2.4), width: 10);
        Assert.StartsWith("[#####-----] 50%", bar, StringComparison.Ordinal);
        Assert.Contains("remaining 5, ETA 2 s", bar, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> RunAsync(BotHarness bot, params string[] args)
    {
        using var writer = new StringWriter();
        var code = await bot.RunCliAsync(writer, args);
        return (code, writer.ToString());
    }
}
