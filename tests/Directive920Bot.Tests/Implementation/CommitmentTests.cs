using System.Net;
using System.Text;
using System.Text.Json;
using Directive920Bot.Implementation;
using Directive920Bot.Registration;
using static Directive920Bot.Tests.Implementation.ImplementationKit;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Implementation;

/// <summary>Personal commitments (bản đăng ký cam kết): /camket, /tiendo, the self-assessment reminders, scope and personal data.</summary>
public sealed class CommitmentTests
{
    private const string S1 = "Tôi cam kết giữ vững bản lĩnh chính trị, không dao động trước thông tin sai trái.";
    private const string S3 = "Tôi cam kết hoàn thành đúng hạn các nhiệm vụ được giao trong năm.";
    private const long OtherCadre = 9005;
    private static readonly DateTimeOffset March = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_cadre_registers_commitments_sees_them_in_progress_and_assesses_them_from_the_mid_year_reminder()
    {
        await using var bot = await StartImplementationAsync(start: March);
        await bot.RegisterAsync(Cadre, "Phạm Văn Dũng", "SNV-VP");

        var overview = await bot.SayAsync(Cadre, "/camket", m => m.Text!.Contains("Bản đăng ký cam kết", StringComparison.Ordinal));
        Assert.Contains("năm 2026", overview.Text!, StringComparison.Ordinal);
        await bot.PressAndExpectReplyAsync(Cadre, overview, "✏️ S1", m => m.Text!.Contains("cam kết của mình đối với yêu cầu S1", StringComparison.Ordinal));
        var tooLong = await bot.SayAsync(Cadre, new string('x', 501));
        Assert.Contains("dài quá 500 ký tự", tooLong.Text!, StringComparison.Ordinal);
        Assert.Null(bot.Get<ICommitments>().Find(2026, Cadre));
        overview = await bot.SayAsync(Cadre, S1, m => m.Text!.Contains("Bản đăng ký cam kết", StringComparison.Ordinal));
        Assert.Contains(S1, overview.Text!, StringComparison.Ordinal);
        await bot.PressAndExpectReplyAsync(Cadre, overview, "✏️ S3");
        overview = await bot.SayAsync(Cadre, S3, m => m.Text!.Contains("Bản đăng ký cam kết", StringComparison.Ordinal));
        Assert.DoesNotContain("Đã thực hiện", string.Concat(overview.Buttons.SelectMany(r => r).Select(b => b.Text)), StringComparison.Ordinal);

        var progress = await bot.SayAsync(Cadre, "/tiendo");
        Assert.Contains("Cam kết năm 2026", progress.Text!, StringComparison.Ordinal);
        Assert.Contains("S3: " + S3, progress.Text!, StringComparison.Ordinal);

        // Nothing is asked before mid-year; from 15 June one reminder lists the commitments with the assessment buttons.
        Assert.Equal(0, bot.Get<CommitmentReminders>().Run(bot.Clock.GetUtcNow()));
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 16, 9, 0, 0, TimeSpan.FromHours(7)));
        var reminder = await bot.ExpectReplyAsync(Cadre, () => bot.Get<CommitmentReminders>().Run(bot.Clock.GetUtcNow()),
            m => m.Text!.Contains("Tự đánh giá", StringComparison.Ordinal));
        Assert.Contains("giữa năm", reminder.Text!, StringComparison.Ordinal);
        Assert.Contains(S1, reminder.Text!, StringComparison.Ordinal);
        var callback = await bot.PressAsync(Cadre, reminder, "S1: ✅ Đã thực hiện");
        Assert.Contains("Đã ghi nhận tự đánh giá", bot.Emulator.GetCallbackAnswer(callback)!.Text!, StringComparison.Ordinal);
        await bot.PressAsync(Cadre, reminder, "S3: ◐ Một phần");
        var stored = bot.Get<ICommitments>().Find(2026, Cadre)!;
        Assert.Equal([SelfAssessment.Done, SelfAssessment.Partly], stored.Items.Select(i => i.MidYear!.Value).ToArray());
        Assert.All(stored.Items, i => Assert.Null(i.YearEnd));
        // Assessed in this round: no second reminder; the year-end question is not open yet.
        Assert.Equal(0, bot.Get<CommitmentReminders>().Run(bot.Clock.GetUtcNow()));
        Assert.Equal(CommitmentOutcome.RoundClosed,
            await bot.Get<CommitmentService>().AssessAsync(Cadre, 2026, "S1", CommitmentRound.YearEnd, SelfAssessment.Done));
        progress = await bot.SayAsync(Cadre, "/tiendo");
        Assert.Contains("S3: " + S3 + " (Thực hiện một phần)", progress.Text!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_admin_reads_only_their_own_units_commitments_and_the_bloc_gets_counts_without_texts()
    {
        await using var bot = await StartImplementationAsync(start: March);
        GrantUnitAdmins(bot);
        await bot.RegisterAsync(UnitAdminInScope, "Trần Văn Bình", "SNV-VP");
        var snvCadre = await bot.RegisterAsync(Cadre, "Phạm Văn Dũng", "SNV-CCVC");
        var stcCadre = await bot.RegisterAsync(OtherCadre, "Võ Thị Em", "STC-NS");
        var service = bot.Get<CommitmentService>();
        await service.SetTextAsync(snvCadre, "S1", S1);
        await service.SetTextAsync(stcCadre, "S1", "Tôi cam kết nêu gương trong học tập.");
        await service.SetTextAsync(stcCadre, "S2", "Tôi cam kết thực hành tiết kiệm.");

        using var snv = bot.ApiAs(UnitAdminInScope);
        var mine = JsonDocument.Parse(await snv.GetStringAsync("api/commitments/units/SNV?year=2026")).RootElement;
        var person = Assert.Single(mine.EnumerateArray());
        Assert.Equal("Phạm Văn Dũng", person.GetProperty("fullName").GetString());
        Assert.Equal(S1, person.GetProperty("items")[0].GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await snv.GetAsync("api/commitments/units/STC")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await snv.GetAsync("api/commitments/summary?branch=STC")).StatusCode);
        using (var bloc = bot.ApiAs(BlocAdmin))
        {
            var forbidden = await bloc.GetAsync("api/commitments/units/STC");
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            var summary = await bloc.GetStringAsync("api/commitments/summary?year=2026");
            Assert.DoesNotContain("cam kết", summary, StringComparison.OrdinalIgnoreCase);
            var counts = JsonDocument.Parse(summary).RootElement.GetProperty("requirements").EnumerateArray()
                .ToDictionary(r => r.GetProperty("requirement").GetString()!, r => r.GetProperty("committed").GetInt32());
            Assert.Equal(2, counts["S1"]);
            Assert.Equal(1, counts["S2"]);
            Assert.Equal(0, counts["S3"]);
        }

        var own = JsonDocument.Parse(await snv.GetStringAsync("api/commitments/summary")).RootElement.GetProperty("requirements")[0];
        Assert.Equal(1, own.GetProperty("committed").GetInt32());
        using (var cadre = bot.ApiAs(Cadre))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await cadre.GetAsync("api/commitments/summary")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await cadre.GetAsync("api/commitments/units/SNV")).StatusCode);
        }

        // In the bot the SNV admin's unit view names the SNV cadre and quotes them, and nothing of STC.
        var overview = await bot.SayAsync(UnitAdminInScope, "/camket", m => m.Text!.Contains("Bản đăng ký cam kết", StringComparison.Ordinal));
        var unitView = await bot.PressAndExpectReplyAsync(UnitAdminInScope, overview, "Cam kết của đơn vị");
        Assert.Contains("Phạm Văn Dũng", unitView.Text!, StringComparison.Ordinal);
        Assert.Contains(S1, unitView.Text!, StringComparison.Ordinal);
        Assert.DoesNotContain("Võ Thị Em", unitView.Text!, StringComparison.Ordinal);
        Assert.DoesNotContain("tiết kiệm", unitView.Text!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_data_exports_a_cadres_commitments_and_erasure_deletes_them_and_their_counts()
    {
        await using var bot = await StartImplementationAsync(start: March);
        var person = await bot.RegisterAsync(Cadre, "Phạm Văn Dũng", "SNV-VP");
        await bot.Get<CommitmentService>().SetTextAsync(person, "S2", S3);

        // The export escapes non-ASCII characters (\uXXXX); read it back as text.
        var export = System.Text.RegularExpressions.Regex.Unescape(Encoding.UTF8.GetString(bot.Get<PersonalDataService>().ExportJson(Cadre)));
        Assert.Contains("\"commitments\"", export, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(S3, export, StringComparison.Ordinal);

        bot.Get<PersonalDataService>().Erase(Cadre);
        Assert.Empty(bot.Get<ICommitments>().ForPerson(Cadre));
        Assert.Equal(0, bot.Get<CommitmentService>().Counts(2026, ["SNV-VP"]).Sum(c => c.Committed));
    }

    [Fact]
    public void The_consent_text_tells_cadres_about_commitments_and_who_sees_them()
    {
        var consent = new ConsentText(Microsoft.Extensions.Options.Options.Create(new PrivacyOptions()), Microsoft.Extensions.Options.Options.Create(new RetentionOptions()));
        Assert.Contains("bản đăng ký cam kết cá nhân", consent.Welcome("vi"), StringComparison.Ordinal);
        Assert.Contains("chỉ lãnh đạo đơn vị của đồng chí được xem", consent.Welcome("vi"), StringComparison.Ordinal);
        Assert.Contains("personal commitments", consent.Welcome("en"), StringComparison.Ordinal);
    }
}
