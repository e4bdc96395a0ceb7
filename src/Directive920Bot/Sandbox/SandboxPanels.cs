using System.Globalization;
using System.Text;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Hosting;
using Directive920Bot.Localization;
using Directive920Bot.Registration;
using Directive920Bot.Reports;

namespace Directive920Bot.Sandbox;

/// <summary>
/// The side panels and the clock line, rendered on the server as HTML fragments that the page polls: the selected
/// cadre's registration and delivery ledger, and the demo unit's report (the admin API's figures).
/// </summary>
public sealed class SandboxPanels(
    SandboxDemo demo,
    ISubscribers subscribers,
    IUnits units,
    DeliveryLedger ledger,
    IAcknowledgements acknowledgements,
    ReportService reports,
    BotClock clock)
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

    /// <param name="personId">The cadre's person id when it differs from the demo id (a persona played on Zalo has an allocated one).</param>
    public string Render(long cadreId, string lang, long? personId = null)
    {
        var html = new StringBuilder();
        RenderProfile(html, cadreId, personId ?? cadreId, lang);
        RenderLedger(html, personId ?? cadreId, lang);
        RenderReport(html, lang);
        return html.ToString();
    }

    private void RenderProfile(StringBuilder html, long cadreId, long personId, string lang)
    {
        html.Append("<section class=\"panel\" id=\"panel-profile\"><h2>").Append(E(SandboxTexts.Profile.For(lang))).Append("</h2>");
        var person = demo.Find(cadreId);
        var s = subscribers.Find(personId);
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
            Row(html, SandboxTexts.Status.For(lang), SandboxTexts.StatusName(s.Status, s.Paused).For(lang));
            html.Append("</dl>");
        }

        html.Append("</section>");
    }

    private void RenderLedger(StringBuilder html, long cadreId, string lang)
    {
        html.Append("<section class=\"panel\" id=\"panel-ledger\"><h2>").Append(E(SandboxTexts.Ledger.For(lang))).Append("</h2>");
        var rows = ledger.ForSubscriber(cadreId).OrderBy(r => r.DueAt).ThenBy(r => r.CreatedAt).ToList();
        if (rows.Count == 0)
        {
            html.Append("<p class=\"muted\">").Append(E(SandboxTexts.LedgerEmpty.For(lang))).Append("</p></section>");
            return;
        }

        var acked = acknowledgements.ForSubscriber(cadreId).Select(a => a.DeliveryId).ToHashSet(StringComparer.Ordinal);
        html.Append("<table class=\"ledger\"><thead><tr><th>").Append(E(SandboxTexts.What.For(lang))).Append("</th><th>")
            .Append(E(SandboxTexts.Due.For(lang))).Append("</th><th>").Append(E(SandboxTexts.State.For(lang))).Append("</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            var title = row.ItemId is null ? "" : reports.Title(row.ItemId);
            html.Append("<tr data-delivery=\"").Append(E(row.Id)).Append("\" data-item=\"").Append(E(row.ItemId)).Append("\"><td><span class=\"kind\">")
                .Append(E(SandboxTexts.KindName(row.Kind).For(lang))).Append("</span> ").Append(E(title)).Append("</td><td>")
                .Append(E(LocalText(row.DueAt))).Append("</td><td class=\"state state-").Append(row.State.ToString().ToLowerInvariant()).Append("\">")
                .Append(E(SandboxTexts.StateName(row.State).For(lang)));
            if (acked.Contains(row.Id))
            {
                html.Append(" · ✅");
            }

            if (row.State is DeliveryState.Skipped or DeliveryState.Failed && !string.IsNullOrEmpty(row.LastError))
            {
                html.Append("<br><small>").Append(E(row.LastError)).Append("</small>");
            }

            html.Append("</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private void RenderReport(StringBuilder html, string lang)
    {
        var root = SandboxDemo.AdminUnit;
        html.Append("<section class=\"panel\" id=\"panel-report\"><h2>").Append(E(SandboxTexts.Report.For(lang))).Append(": ")
            .Append(E(units.DisplayName(root))).Append("</h2>");
        // The same figures the admin API serves at /api/reports/units (rolled up over each sub-tree).
        var figures = reports.Units(units.SubTreeCodes([root]));
        html.Append("<table class=\"figures\"><thead><tr><th>").Append(E(SandboxTexts.Unit.For(lang))).Append("</th><th title=\"")
            .Append(E(SandboxTexts.Roster.For(lang))).Append("\">").Append(E(SandboxTexts.RosterShort.For(lang))).Append("</th><th>")
            .Append(E(SandboxTexts.Registered.For(lang))).Append("</th><th>").Append(E(SandboxTexts.Delivered.For(lang))).Append("</th><th>")
            .Append(E(SandboxTexts.Acknowledged.For(lang))).Append("</th><th>").Append(E(SandboxTexts.QuizTaken.For(lang))).Append("</th></tr></thead><tbody>");
        foreach (var unit in figures)
        {
            html.Append("<tr data-unit=\"").Append(E(unit.Code)).Append("\"><td>").Append(E(unit.Name)).Append("</td>");
            Num(html, "roster", unit.Roster);
            Num(html, "registered", unit.Registered);
            Num(html, "delivered", unit.Delivered);
            Num(html, "acknowledged", unit.Acknowledged);
            Num(html, "quiz", unit.QuizParticipants);
            html.Append("</tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void Num(StringBuilder html, string name, int value) =>
        html.Append("<td class=\"num ").Append(name).Append("\">").Append(value.ToString(CultureInfo.InvariantCulture)).Append("</td>");

    private string LocalText(DateTime utc) => clock.ToLocal(utc).ToString("dd/MM HH:mm", CultureInfo.InvariantCulture);

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
