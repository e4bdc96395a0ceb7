using System.Net;
using Directive920Bot.Implementation;
using LiteDB;
using static Directive920Bot.Tests.Implementation.ImplementationKit;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Implementation;

/// <summary>The matrix reads the per-unit status rows kept with every save (the matrix benchmark's fix), not the reports.</summary>
public sealed class ImplementationStatusRowsTests
{
    private static readonly ReportingPeriod Quarter = new(PeriodKind.Quarter, 2026, 4);

    [Fact]
    public async Task The_matrix_follows_every_status_change_and_leaves_other_periods_and_units_alone()
    {
        await using var bot = await StartImplementationAsync();
        using var bloc = bot.ApiAs(BlocAdmin);
        Assert.Equal(HttpStatusCode.OK, (await bloc.PutAsync(ReportPath("SNV", "L1"), Json("""{"status":"inProgress"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bloc.PutAsync(ReportPath("SNV", "S2"), Json("""{"status":"done"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bloc.PutAsync(ReportPath("SNV", "L1"), Json("""{"status":"done"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bloc.PutAsync("api/implementation/units/STC/periods/2026-Q3/L1", Json("""{"status":"notStarted"}"""))).StatusCode);

        var service = bot.Get<ImplementationService>();
        var matrix = service.Matrix(Quarter, ["SNV", "STC"]);
        var snv = matrix.Rows.Single(r => r.UnitCode == "SNV");
        var columns = matrix.Requirements.Select(r => r.Id).ToList();
        Assert.Equal(ImplementationStatus.Done, snv.Statuses[columns.IndexOf("L1")]);
        Assert.Equal(ImplementationStatus.Done, snv.Statuses[columns.IndexOf("S2")]);
        Assert.Equal(2, snv.Statuses.Count(s => s is not null));
        Assert.False(matrix.Rows.Single(r => r.UnitCode == "STC").Reported);
        Assert.Equal(["STC"], service.UnitsReported(Quarter.Previous(), ["SNV", "STC"]));
    }

    [Fact]
    public async Task A_database_written_before_the_status_rows_gets_them_from_its_reports_at_the_next_start()
    {
        Infrastructure.BotHarness.StayOnLiteDb("a LiteDB file written before its status rows existed (PostgreSQL keeps no such rows)");
        await using var bot = await StartImplementationAsync();
        using (var bloc = bot.ApiAs(BlocAdmin))
        {
            Assert.Equal(HttpStatusCode.OK, (await bloc.PutAsync(ReportPath("STC", "L3"), Json("""{"status":"inProgress","actions":"Đã xây dựng kế hoạch."}"""))).StatusCode);
        }

        // What an older file looks like: reports, no status rows.
        await bot.StopHostAsync();
        using (var file = new LiteDatabase(new ConnectionString { Filename = bot.DatabasePath, Connection = ConnectionType.Direct }))
        {
            Assert.True(file.DropCollection("impl_status"));
            Assert.Equal(1, file.GetCollection("impl_reports").Count());
        }

        await bot.StartHostAsync();
        var row = bot.Get<ImplementationService>().Matrix(Quarter, ["STC"]).Rows.Single();
        Assert.Equal(ImplementationStatus.InProgress, row.Statuses[bot.Get<ImplementationService>().Requirements().ToList().FindIndex(r => r.Id == "L3")]);
    }
}
