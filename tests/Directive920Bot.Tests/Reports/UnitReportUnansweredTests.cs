using System.Text.Json;
using Directive920Bot.Questions;
using Directive920Bot.Storage;

namespace Directive920Bot.Tests.Reports;

/// <summary>Issue #14 §6: the API's unit report counts the "ask the notice" questions of the unit's sub-tree.</summary>
public sealed class UnitReportUnansweredTests
{
    [Fact]
    public async Task A_units_report_counts_the_unanswered_questions_of_its_sub_tree_and_not_of_other_units()
    {
        await using var bot = await ReportsTestSupport.StartAsync();
        var store = bot.Get<IUnansweredQuestions>();
        var asked = bot.Clock.GetUtcNow().UtcDateTime.Date;
        bot.Get<IStorage>().Write(tx =>
        {
            store.Save(tx, new UnansweredQuestion { Id = "q-in", Text = "Lịch họp chi bộ tháng này?", UnitCode = ReportsTestSupport.TargetUnit, AskedOn = asked });
            store.Save(tx, new UnansweredQuestion { Id = "q-out", Text = "Thời tiết ngày mai?", UnitCode = ReportsTestSupport.OtherUnit, AskedOn = asked });
        });
        using var http = bot.ApiAs(ReportsTestSupport.BlocAdmin);

        using var unit = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/reports/units/" + ReportsTestSupport.TargetUnit, UriKind.Relative)));
        using var parent = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/reports/units/" + ReportsTestSupport.ScopeUnit, UriKind.Relative)));

        Assert.Equal(1, unit.RootElement.GetProperty("unansweredQuestions").GetInt32());
        Assert.Equal(1, parent.RootElement.GetProperty("unansweredQuestions").GetInt32());
        Assert.Equal(ReportsTestSupport.TargetUnit, unit.RootElement.GetProperty("code").GetString());
    }
}
