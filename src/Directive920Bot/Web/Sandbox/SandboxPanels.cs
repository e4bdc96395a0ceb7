using System.Globalization;
using System.Text;
using Directive920Bot.Hosting;
using Directive920Bot.Localization;
using Directive920Bot.Registration;

namespace Directive920Bot.Web.Sandbox;

/// <summary>
/// The side panels and the clock line, rendered on the server as HTML fragments that the page polls.
/// A panel whose feature is not in this build says so instead of showing made-up figures.
/// </summary>
public sealed class SandboxPanels(SandboxDemo demo, SubscriberStore subscribers, UnitStore units, BotClock clock)
{
    public string ClockText(string lang)
    {
        var local = clock.LocalNow;
        var culture = CultureInfo.GetCultureInfo(lang == Languages.English ? "en-GB" : "vi-VN");
        var day = culture.DateTimeFormat.GetDayName(local.DayOfWeek);
        if (lang != Languages.English)
        {
            day = char.ToUpper(day[0], culture) + day[1..];
        }

        return $"{day}, {local.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)} ({clock.Zone.Id})";
    }

    public string Render(long cadreId, string lang)
    {
        var html = new StringBuilder();
        RenderProfile(html, cadreId, lang);
        RenderLedger(html, lang);
        RenderReport(html, lang);
        return html.ToString();
    }

    private void RenderProfile(StringBuilder html, long cadreId, string lang)
    {
        html.Append("<section class=\"panel\" id=\"panel-profile\"><h2>").Append(E(SandboxTexts.Profile.For(lang))).Append("</h2>");
        var person = demo.Find(cadreId);
        var s = subscribers.Find(cadreId);
        if (s is not { IsRegistered: true })
        {
            html.Append("<p class=\"muted\">").Append(E(person?.FullName ?? "")).Append(" — ").Append(E(SandboxTexts.NotRegistered.For(lang))).Append("</p>");
        }
        else
        {
            html.Append("<dl>");
            Row(html, SandboxTexts.Name.For(lang), s.FullName ?? "");
            Row(html, SandboxTexts.Unit.For(lang), units.DisplayName(s.UnitCode));
            Row(html, SandboxTexts.Role.For(lang), (s.IsLeader ? SandboxTexts.Leader : SandboxTexts.Staff).For(lang));
            Row(html, SandboxTexts.Status.For(lang), s.Status.ToString());
            html.Append("</dl>");
        }

        html.Append("</section>");
    }

    private static void RenderLedger(StringBuilder html, string lang)
    {
        html.Append("<section class=\"panel\" id=\"panel-ledger\"><h2>").Append(E(SandboxTexts.Ledger.For(lang))).Append("</h2>")
            .Append("<p class=\"unavailable\"><strong>").Append(E(SandboxTexts.NotAvailable.For(lang))).Append(":</strong> ")
            .Append(E(SandboxTexts.LedgerMissing.For(lang))).Append("</p></section>");
    }

    private void RenderReport(StringBuilder html, string lang)
    {
        var root = SandboxDemo.AdminUnit;
        html.Append("<section class=\"panel\" id=\"panel-report\"><h2>").Append(E(SandboxTexts.Report.For(lang))).Append(": ")
            .Append(E(units.DisplayName(root))).Append("</h2>")
            .Append("<p class=\"unavailable\"><strong>").Append(E(SandboxTexts.NotAvailable.For(lang))).Append(":</strong> ")
            .Append(E(SandboxTexts.ReportMissing.For(lang))).Append("</p>");
        var tree = units.SubTree(root);
        var codes = tree.Select(u => u.Code).ToList();
        // Each row counts the unit and everything below it, as a unit's report does.
        var members = subscribers.InUnits(codes).Where(s => s.IsRegistered && s.Id != SandboxDemo.UnitAdminId && s.Id != SandboxDemo.BlocAdminId)
            .Select(s => tree.FirstOrDefault(u => u.Code == s.UnitCode)?.Path).Where(p => p is not null).ToList();
        html.Append("<table class=\"figures\"><thead><tr><th>").Append(E(SandboxTexts.Unit.For(lang))).Append("</th><th>")
            .Append(E(SandboxTexts.Registered.For(lang))).Append("</th></tr></thead><tbody>");
        foreach (var unit in tree)
        {
            html.Append("<tr data-unit=\"").Append(E(unit.Code)).Append("\"><td>").Append(E(unit.Name)).Append("</td><td class=\"num\">")
                .Append(members.Count(p => p!.StartsWith(unit.Path, StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void Row(StringBuilder html, string key, string value) =>
        html.Append("<dt>").Append(E(key)).Append("</dt><dd>").Append(E(value)).Append("</dd>");

    /// <summary>Escapes the five HTML-significant characters and nothing else, so Vietnamese stays readable in the source.</summary>
    internal static string E(string? text) => (text ?? "")
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
