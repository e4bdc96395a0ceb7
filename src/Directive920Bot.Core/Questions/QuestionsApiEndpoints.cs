using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Directive920Bot.Reports;
using Directive920Bot.Web;
using Microsoft.AspNetCore.Mvc;

namespace Directive920Bot.Questions;

/// <summary>
/// <c>GET /api/questions/unanswered</c> (JSON, or CSV with <c>?format=csv</c>): the questions the course could not
/// answer, for propaganda staff to add content. A bloc admin sees every question; a unit admin those of their units.
/// </summary>
internal sealed class QuestionsApiEndpoints : IApiEndpoints
{
    public void Map(RouteGroupBuilder api) =>
        api.MapGet("/questions/unanswered", (HttpContext http, [FromQuery] string? format, IUnansweredQuestions questions, IUnits units) =>
        {
            if (ReportsApi.Access(http) is not { } access)
            {
                return Results.StatusCode(401);
            }

            if (!access.IsAdmin)
            {
                return Results.StatusCode(403);
            }

            var rows = questions.List(access.IsBlocAdmin ? null : access.VisibleUnits(units)).Select(Row).ToList();
            return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
                ? Results.File(ReportExports.Write(rows, ExportFormat.Csv), ReportsApi.CsvType, "unanswered-questions.csv")
                : Results.Json(rows);
        });

    private static UnansweredRow Row(UnansweredQuestion q) => new(
        q.AskedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), q.UnitCode ?? "", q.Language, q.Text, q.Forwarded, q.Confidence);
}

/// <summary>One line of the list; the property names are the JSON fields and the CSV header.</summary>
public sealed record UnansweredRow(string Date, string Unit, string Language, string Question, bool Forwarded, double Confidence);
