using System.Net;
using System.Text.Json;
using static Directive920Bot.Tests.Implementation.ImplementationKit;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Implementation;

/// <summary>A unit's kiến nghị reach the bloc where propaganda staff read feedback, naming the unit and the requirement.</summary>
public sealed class ImplementationProposalsTests
{
    private const string Proposal = "Đề nghị Đảng ủy Khối hướng dẫn mẫu kế hoạch thực hiện nội dung L2.";

    [Fact]
    public async Task A_units_proposal_appears_in_the_feedback_list_is_replaced_when_corrected_and_withdrawn_when_cleared()
    {
        await using var bot = await StartImplementationAsync();
        GrantUnitAdmins(bot);
        using var snv = bot.ApiAs(UnitAdminInScope);
        using var stc = bot.ApiAs(UnitAdminOutOfScope);
        using var bloc = bot.ApiAs(BlocAdmin);
        Assert.Equal(HttpStatusCode.OK, (await snv.PutAsync(ReportPath("SNV", "L2"), Json($$"""{"status":"inProgress","proposals":"{{Proposal}}"}"""))).StatusCode);

        var entry = Assert.Single(await FeedbackAsync(bloc), f => f.GetProperty("source").GetString() == "implementation");
        Assert.Equal("SNV", entry.GetProperty("unitCode").GetString());
        Assert.Equal("L2", entry.GetProperty("requirementId").GetString());
        Assert.Equal(Period, entry.GetProperty("periodId").GetString());
        Assert.Equal("Kiến nghị của Sở Nội vụ về nội dung L2 (Quý IV năm 2026): " + Proposal, entry.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("subscriberId").ValueKind);
        // The unit's own admin sees it with the unit's feedback; another unit's admin does not.
        Assert.Single(await FeedbackAsync(snv));
        Assert.Empty(await FeedbackAsync(stc));

        Assert.Equal(HttpStatusCode.OK, (await snv.PutAsync(ReportPath("SNV", "L2"), Json("""{"proposals":"Đề nghị tập huấn cho cấp ủy."}"""))).StatusCode);
        Assert.EndsWith("): Đề nghị tập huấn cho cấp ủy.", Assert.Single(await FeedbackAsync(bloc)).GetProperty("text").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await snv.PutAsync(ReportPath("SNV", "L2"), Json("""{"proposals":""}"""))).StatusCode);
        Assert.Empty(await FeedbackAsync(bloc));
    }

    private static async Task<IReadOnlyList<JsonElement>> FeedbackAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("api/feedback")).RootElement.EnumerateArray().ToList();
}
