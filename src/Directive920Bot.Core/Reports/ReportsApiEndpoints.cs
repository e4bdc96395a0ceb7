using Directive920Bot.Web;

namespace Directive920Bot.Reports;

/// <summary>Maps the reports API into the authenticated <c>/api</c> group.</summary>
internal sealed class ReportsApiEndpoints : IApiEndpoints
{
    public void Map(RouteGroupBuilder api) => api.MapReportsApi();
}
