using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Directive920Bot.Tests.Infrastructure;
using static Directive920Bot.Tests.Reports.ReportsTestSupport;

namespace Directive920Bot.Tests.Implementation;

/// <summary>The people and files of the implementation tests: the reports tests' bloc admin, SNV and STC unit admins and cadre.</summary>
internal static class ImplementationKit
{
    public const string Period = "2026-Q4";

    /// <summary>The smallest file every PDF reader accepts as a PDF header; the service checks the first bytes only.</summary>
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static Task<BotHarness> StartImplementationAsync(IDictionary<string, string?>? extra = null, DateTimeOffset? start = null)
    {
        var settings = Engagement.EngagementKit.Settings(new Dictionary<string, string?> { ["Bot:SuperAdmins:0"] = BlocAdmin.ToString(CultureInfo.InvariantCulture) });
        foreach (var user in new[] { BlocAdmin, UnitAdminInScope, UnitAdminOutOfScope, Cadre })
        {
            settings[$"Admin:ApiKeys:user{user}:Key"] = KeyOf(user);
            settings[$"Admin:ApiKeys:user{user}:UserId"] = user.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return BotHarness.StartAsync(settings, start: start);
    }

    public static MultipartFormDataContent Upload(string fileName, byte[] content, string type = "application/pdf")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", fileName);
        return form;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static string ReportPath(string unit, string requirement = "") =>
        $"api/implementation/units/{unit}/periods/{Period}" + (requirement.Length > 0 ? "/" + requirement : "");
}
