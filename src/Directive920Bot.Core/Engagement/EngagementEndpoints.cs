using Directive920Bot.Web;

namespace Directive920Bot.Engagement;

/// <summary>
/// The engagement part of the admin API (under <c>/api</c>, which already requires a unit- or bloc-admin key):
/// <c>POST /api/items/{id}/reack</c> (bloc admins), <c>GET /api/feedback</c> and <c>GET /api/escalations</c> (scoped).
/// </summary>
public sealed class EngagementEndpoints : IApiEndpoints
{
    public void Map(RouteGroupBuilder api) => api.MapEngagementApi();
}
