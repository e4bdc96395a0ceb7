using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Emulator;
using Directive920Bot.Engagement;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Delivery;
using Directive920Bot.Tests.Engagement;
using Directive920Bot.Tests.Infrastructure;
using Directive920Bot.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Storage;

/// <summary>
/// <c>migrate-store</c> over the real service: a LiteDB store filled through the bot's own journeys is copied into an empty
/// PostgreSQL database of the throw-away cluster, and the service started on PostgreSQL shows the same reports and
/// statuses and goes on working; a target that holds rows, a running service, counts that do not match and bad
/// arguments change nothing.
/// </summary>
public sealed class MigrateStoreTests
{
    private const long First = 9101;
    private const long Second = 9102;
    private const long Third = 9103;

    /// <summary>Twelve cadres of STC-VP: the audience of the announcement left in chunks (outside the SNV-VP report).</summary>
    private static readonly long[] Others = [.. Enumerable.Range(9111, 12).Select(i => (long)i)];

    private static readonly Dictionary<string, string?> Chunked = new()
    {
        // The smallest chunk: an announcement to the twelve of STC-VP is ten rows plus a chunk.
        ["Delivery:ExpansionChunkSize"] = "10",
    };

    [SkippableFact]
    public async Task A_store_filled_through_the_service_moves_to_postgres_where_reports_statuses_and_acknowledgements_carry_on()
    {
        BotHarness.StayOnLiteDb("migrate-store reads the LiteDB file the service wrote");
        var target = PostgresCluster.CreateDatabase("migrate_" + Guid.NewGuid().ToString("N"));
        await using var bot = await StartAsync(extra: Chunked);
        await bot.RegisterAsync(BlocAdmin, "Trần Quản Trị", "KHOI");
        foreach (var (id, name) in new[] { (First, "Võ Thanh Hải"), (Second, "Lê Thị Mai"), (Third, "Phan Văn Đức"), (Cadre, "Đỗ Thu Hà") })
        {
            await bot.RegisterAsync(id, name, TargetUnit);
        }

        foreach (var id in Others)
        {
            // Registered by the service's own store in one of its transactions (twelve dialogues would only add time).
            bot.Seed(id, "STC-VP");
        }

        // An announcement asking for acknowledgement, sent in chunks; two of the four acknowledge.
        var campaign = bot.Get<CampaignService>().Create(
            new CampaignRequest(null, "Họp chi bộ quán triệt Thông báo 920-TB/TU", new AudienceRequest(Units: [TargetUnit]), RequireAck: true), Actor.Bot(BlocAdmin));
        var received = new Dictionary<long, ChatMessage>();
        foreach (var cadre in new[] { First, Second, Third, Cadre })
        {
            received[cadre] = await Reports.BroadcastKit.ReceivedAsync(bot, cadre, m => m.Text?.Contains("Họp chi bộ", StringComparison.Ordinal) == true);
        }

        await EngagementKit.PressAsync(bot, First, received[First].MessageId, EngagementKit.ReceivedLabel);
        await EngagementKit.PressAsync(bot, Second, received[Second].MessageId, EngagementKit.ReceivedLabel);
        await bot.Emulator.WaitUntilAsync(() => bot.Get<ReportService>().Unit(TargetUnit)!.Acknowledged == 2, BotHarness.Wait);

        // A lesson acknowledged and its first question answered; a named opinion sent.
        var first = bot.Get<ISubscribers>().Find(First)!;
        var (_, lesson) = await EngagementKit.DeliverAsync(bot, first, EngagementKit.Lesson1);
        await EngagementKit.PressAsync(bot, First, lesson.MessageId, EngagementKit.AckLabel);
        var q1 = (await EngagementKit.WaitForQuestionsAsync(bot, First, 2)).Single(m => m.Text!.Contains("Câu hỏi 1/2", StringComparison.Ordinal));
        await EngagementKit.PressOptionAsync(bot, First, q1.MessageId, EngagementKit.Lesson1, "q1", 0);
        var ask = await bot.SayAsync(Third, "/feedback");
        await bot.PressAndExpectReplyAsync(Third, ask, "Gửi kèm tên");
        var preview = await bot.SayAsync(Third, "Đề nghị tổ chức thêm buổi sinh hoạt chuyên đề.");
        await EngagementKit.PressAsync(bot, Third, preview.MessageId, "Gửi góp ý");

        var report = (await bot.SayAsync(BlocAdmin, "/baocao SNV-VP", m => m.Photo is null)).Text;
        var statuses = States(bot, campaign.Id);
        var unit = bot.Get<ReportService>().Unit(TargetUnit)!;

        // A second announcement, for STC-VP, left in chunks or half written out when the service stops right after it.
        var late = bot.Get<CampaignService>().Create(
            new CampaignRequest(null, "Lịch học tập tháng 12", new AudienceRequest(Units: ["STC-VP"])), Actor.Bot(BlocAdmin));
        await bot.StopHostAsync();

        // A role granted with the service stopped (the CLI, audited), then the move.
        Assert.Equal(0, await bot.RunCliAsync(new StringWriter(), "grant", Second.ToString(System.Globalization.CultureInfo.InvariantCulture), "unit", TargetUnit, "--database", bot.DatabasePath));
        var output = new StringWriter();
        var exit = await bot.RunCliAsync(output, "migrate-store", "--to", target, "--database", bot.DatabasePath);
        Assert.True(exit == 0, output.ToString());
        Assert.Contains("every count matches", output.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"subscribers\s+17\s+17\s+ok", output.ToString());
        Assert.Matches(@"deliveries_in_chunks\s+\d+\s+\d+\s+ok", output.ToString());
        Assert.Matches(@"acknowledgements\s+3\s+3\s+ok", output.ToString());
        Assert.Matches(@"quiz_answers\s+1\s+1\s+ok", output.ToString());
        Assert.Matches(@"feedback\s+1\s+1\s+ok", output.ToString());
        Assert.Matches(@"report_days\s+[1-9]\d*\s+[1-9]\d*\s+ok", output.ToString());
        Assert.Contains("console_signins", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("MISMATCH", output.ToString(), StringComparison.Ordinal);

        // The same service, now on PostgreSQL.
        bot.Configure("Storage:Provider", StorageOptions.Postgres);
        bot.Configure("Storage:ConnectionString", target);
        await bot.StartHostAsync();
        Assert.True(bot.UsesPostgres);
        Assert.Equal(report, (await bot.SayAsync(BlocAdmin, "/baocao SNV-VP", m => m.Photo is null)).Text);
        Assert.Equivalent(unit, bot.Get<ReportService>().Unit(TargetUnit));
        Assert.Equal(statuses, States(bot, campaign.Id));
        Assert.Contains(bot.Get<IRoles>().For(Second), r => r.Role == AdminRole.UnitAdmin && r.UnitCode == TargetUnit);
        Assert.Single(bot.Get<IQuizAnswers>().ForSubscriber(First));
        Assert.Single(bot.Get<IFeedback>().NamedFromUnits([TargetUnit]));

        // A new acknowledgement, pressed on the message the LiteDB service sent (its button key was copied), counts once.
        await EngagementKit.PressAsync(bot, Third, received[Third].MessageId, EngagementKit.ReceivedLabel);
        // (The unit's figure before the move also holds the lesson First acknowledged, not only the two presses above.)
        await bot.Emulator.WaitUntilAsync(() => bot.Get<ReportService>().Unit(TargetUnit)!.Acknowledged == unit.Acknowledged + 1, BotHarness.Wait);

        // The announcement left in chunks goes out from PostgreSQL, once to each of the twelve.
        await bot.DrainAsync(late.Id);
        foreach (var person in Others)
        {
            await Reports.BroadcastKit.ReceivedAsync(bot, person, m => m.Text?.Contains("Lịch học tập tháng 12", StringComparison.Ordinal) == true);
            Assert.Single(bot.BotMessages(person), m => m.Text?.Contains("Lịch học tập tháng 12", StringComparison.Ordinal) == true);
        }

        Assert.Equal(Others.Length, bot.Get<DeliveryLedger>().ForCampaign(late.Id).Count);
    }

    [SkippableFact]
    public async Task A_second_run_into_a_database_that_holds_rows_is_refused_with_the_tables_named_and_changes_nothing()
    {
        BotHarness.StayOnLiteDb("migrate-store reads the LiteDB file the service wrote");
        var target = PostgresCluster.CreateDatabase("again_" + Guid.NewGuid().ToString("N"));
        await using var bot = await BotHarness.StartAsync();
        await bot.RegisterAsync(First);
        await bot.StopHostAsync();
        var first = new StringWriter();
        Assert.True(await bot.RunCliAsync(first, "migrate-store", "--to", target, "--database", bot.DatabasePath) == 0, first.ToString());
        var before = await CountAsync(target, "subscribers");

        var output = new StringWriter();
        var exit = await bot.RunCliAsync(output, "migrate-store", "--to", target, "--database", bot.DatabasePath);

        Assert.True(exit == MigrateStoreCli.Refused, output.ToString());
        Assert.Contains("The target is not empty: ", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("subscribers (1 rows)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("EMPTY database only", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, before);
        Assert.Equal(before, await CountAsync(target, "subscribers"));
    }

    [SkippableFact]
    public async Task Counts_that_do_not_match_roll_the_whole_copy_back_and_exit_non_zero()
    {
        BotHarness.StayOnLiteDb("migrate-store reads the LiteDB file the service wrote");
        var target = PostgresCluster.CreateDatabase("short_" + Guid.NewGuid().ToString("N"));
        await using var bot = await BotHarness.StartAsync();
        await bot.RegisterAsync(First);
        await bot.RegisterAsync(Second);
        await bot.StopHostAsync();
        // The target's schema (made as the service makes it at start), and a trigger that silently drops every subscriber
        // written: the copy comes out short.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration["Storage:Provider"] = StorageOptions.Postgres;
        builder.Configuration["Storage:ConnectionString"] = target;
        builder.AddPostgresStorage();
        using (var schema = builder.Build())
        {
            _ = schema.Services.GetRequiredService<PostgresStorage>();
        }

        await ExecuteAsync(target, """
            CREATE FUNCTION drop_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
            CREATE TRIGGER drop_subscribers BEFORE INSERT ON subscribers FOR EACH ROW EXECUTE FUNCTION drop_row();
            """);

        var output = new StringWriter();
        var exit = await bot.RunCliAsync(output, "migrate-store", "--to", target, "--database", bot.DatabasePath);

        Assert.True(exit == MigrateStoreCli.Mismatch, output.ToString());
        Assert.Matches(@"subscribers\s+2\s+0\s+MISMATCH", output.ToString());
        Assert.Contains("rolled back", output.ToString(), StringComparison.Ordinal);
        // Nothing of the copy stayed: the sections that did match were rolled back with the one that did not.
        Assert.Equal(0, await CountAsync(target, "person_addresses"));
        Assert.Equal(0, await CountAsync(target, "units"));
    }

    [SkippableFact]
    public async Task A_store_the_running_service_holds_is_refused_and_the_target_is_not_touched()
    {
        BotHarness.StayOnLiteDb("migrate-store reads the LiteDB file the service wrote");
        var target = PostgresCluster.CreateDatabase("running_" + Guid.NewGuid().ToString("N"));
        await using var bot = await BotHarness.StartAsync();

        var output = new StringWriter();
        var exit = await bot.RunCliAsync(output, "migrate-store", "--to", target, "--database", bot.DatabasePath);

        Assert.True(exit == Cli.DatabaseInUse, output.ToString());
        Assert.Contains("is locked by the running service", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(target, "pg_tables WHERE schemaname = 'public'"));
    }

    [SkippableFact]
    public async Task Bad_arguments_get_a_polite_message_and_change_nothing()
    {
        BotHarness.StayOnLiteDb("migrate-store reads the LiteDB file the service wrote");
        var target = PostgresCluster.CreateDatabase("bad_" + Guid.NewGuid().ToString("N"));
        await using var bot = await BotHarness.StartAsync();
        await bot.StopHostAsync();

        var noTarget = new StringWriter();
        Assert.Equal(MigrateStoreCli.Refused, await bot.RunCliAsync(noTarget, "migrate-store", "--database", bot.DatabasePath));
        Assert.Contains("No target: give the PostgreSQL database with --to", noTarget.ToString(), StringComparison.Ordinal);

        var noHost = new StringWriter();
        Assert.Equal(MigrateStoreCli.Refused, await bot.RunCliAsync(noHost, "migrate-store", "--to", "Database=directive920;Password=secret-word", "--database", bot.DatabasePath));
        Assert.Contains("The target is not usable", noHost.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-word", noHost.ToString(), StringComparison.Ordinal);

        var missing = Path.Combine(bot.DataDirectory, "missing.db");
        var noFile = new StringWriter();
        Assert.Equal(MigrateStoreCli.Refused, await bot.RunCliAsync(noFile, "migrate-store", "--to", target, "--database", missing));
        Assert.Contains($"{missing}:0: no such file", noFile.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
        Assert.Equal(0, await CountAsync(target, "pg_tables WHERE schemaname = 'public'"));
    }

    private static Dictionary<long, DeliveryState> States(BotHarness bot, string campaignId) =>
        bot.Get<DeliveryLedger>().ForCampaign(campaignId).ToDictionary(r => r.SubscriberId, r => r.State);

    private static async Task<long> CountAsync(string connection, string from)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {from}", db);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }
}
