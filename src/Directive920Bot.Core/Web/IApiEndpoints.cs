namespace Directive920Bot.Web;

/// <summary>A feature's part of the admin API; mapped under <c>/api</c>, which requires an API key of a unit or bloc admin.</summary>
public interface IApiEndpoints
{
    void Map(RouteGroupBuilder api);
}
