using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text;
using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Web;

/// <summary>A feature's part of the admin API; mapped under <c>/api</c>, which requires an API key of a unit or bloc admin.</summary>
public interface IApiEndpoints
{
    void Map(RouteGroupBuilder api);
}
