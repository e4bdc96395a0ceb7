using System.Globalization;
using System.Text;
using System.Text.Json;
using Directive920Bot.Localization;
using static Directive920Bot.Sandbox.SandboxPanels;

namespace Directive920Bot.Sandbox;

/// <summary>The chat simulator page: server-rendered, with sandbox.js polling the emulator and the panels.</summary>
internal static class SandboxPage
{
    public static string Render(IServiceProvider services, string lang, IQueryCollection query)
    {
        var demo = services.GetRequiredService<SandboxDemo>();
        var panels = services.GetRequiredService<SandboxPanels>();
        var people = demo.People;
        var cadres = people.Where(p => p.Persona == SandboxPersona.Cadre).ToList();
        var cadreId = long.TryParse(query["user"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var picked) && cadres.Any(c => c.Id == picked)
            ? picked
            : cadres.FirstOrDefault()?.Id ?? 0;
        var persona = query["as"].ToString() switch
        {
            "unit-admin" => SandboxPersona.UnitAdmin,
            "bloc-admin" => SandboxPersona.BlocAdmin,
            _ => SandboxPersona.Cadre,
        };
        var actingId = persona switch
        {
            SandboxPersona.UnitAdmin => SandboxDemo.UnitAdminId,
            SandboxPersona.BlocAdmin => SandboxDemo.BlocAdminId,
            _ => cadreId,
        };
        // The app the cadre is played on: Telegram (buttons) or Zalo (numbered typed replies). Admins stay on Telegram,
        // where the sandbox grants their roles.
        var zalo = persona == SandboxPersona.Cadre && query["ch"].ToString() == SandboxZaloChat.Channel;
        var channel = zalo ? SandboxZaloChat.Channel : "telegram";
        var acting = demo.Find(actingId);
        var other = lang == Languages.English ? Languages.Vietnamese : Languages.English;
        string T(Loc loc) => E(loc.For(lang));

        var labels = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["edited"] = SandboxTexts.Edited.For(lang),
            ["deleted"] = SandboxTexts.Deleted.For(lang),
            ["poll"] = SandboxTexts.Poll.For(lang),
            ["quiz"] = SandboxTexts.Quiz.For(lang),
            ["votes"] = SandboxTexts.Votes.For(lang),
            ["closed"] = SandboxTexts.Closed.For(lang),
            ["empty"] = SandboxTexts.Empty.For(lang),
            ["working"] = SandboxTexts.Working.For(lang),
        });

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(lang).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(T(SandboxTexts.Title)).Append("</title>")
            .Append("<link rel=\"stylesheet\" href=\"/sandbox/assets/sandbox.css\"></head><body>")
            .Append("<header class=\"top\"><h1>").Append(T(SandboxTexts.Title)).Append("</h1>")
            .Append("<a class=\"lang\" id=\"lang-switch\" href=\"?lang=").Append(other).Append("&amp;user=").Append(cadreId.ToString(CultureInfo.InvariantCulture))
            .Append("&amp;as=").Append(AsParam(persona)).Append("&amp;ch=").Append(channel).Append("\">").Append(T(SandboxTexts.Language)).Append("</a>")
            .Append("<p class=\"banner\">").Append(T(SandboxTexts.Banner)).Append("</p>")
            .Append("<p class=\"clock-top\">").Append(T(SandboxTexts.Clock)).Append(": <strong id=\"clock-top\">").Append(E(panels.ClockText(lang))).Append("</strong></p></header>");

        html.Append("<main class=\"layout\"><section class=\"controls\">");
        // The cadre picker and "create one".
        html.Append("<form class=\"picker\" method=\"get\" action=\"/sandbox\"><input type=\"hidden\" name=\"lang\" value=\"").Append(lang).Append("\">")
            .Append("<label for=\"cadre-select\">").Append(T(SandboxTexts.Cadre)).Append("</label><select id=\"cadre-select\" name=\"user\">");
        foreach (var cadre in cadres)
        {
            html.Append("<option value=\"").Append(cadre.Id.ToString(CultureInfo.InvariantCulture)).Append('"').Append(cadre.Id == cadreId ? " selected" : "")
                .Append('>').Append(E(cadre.FullName)).Append(cadre.Position is null ? "" : " — " + E(cadre.Position)).Append("</option>");
        }

        html.Append("</select></form>")
            .Append("<form class=\"create\" id=\"create-form\"><label for=\"create-name\">").Append(T(SandboxTexts.CreateCadre)).Append("</label>")
            .Append("<span class=\"row\"><input id=\"create-name\" name=\"name\" autocomplete=\"off\" placeholder=\"").Append(T(SandboxTexts.NewName)).Append("\">")
            .Append("<button type=\"submit\" id=\"create-button\">").Append(T(SandboxTexts.Create)).Append("</button></span></form>");

        // The persona switch, clearly sandbox-only.
        html.Append("<fieldset class=\"persona\" id=\"persona\"><legend>").Append(T(SandboxTexts.PlayAs))
            .Append(" <span class=\"tag\">").Append(T(SandboxTexts.SandboxOnly)).Append("</span></legend>");
        PersonaOption(html, "cadre", T(SandboxTexts.PlayCadre), persona == SandboxPersona.Cadre);
        PersonaOption(html, "unit-admin", T(SandboxTexts.PlayUnitAdmin) + " — " + E(demo.UnitAdmin.FullName), persona == SandboxPersona.UnitAdmin);
        PersonaOption(html, "bloc-admin", T(SandboxTexts.PlayBlocAdmin) + " — " + E(demo.BlocAdmin.FullName), persona == SandboxPersona.BlocAdmin);
        html.Append("</fieldset>");

        // The cadre's app.
        html.Append("<fieldset class=\"persona\" id=\"channel\"><legend>").Append(T(SandboxTexts.Channel)).Append("</legend>");
        ChannelOption(html, "telegram", "Telegram", !zalo, persona == SandboxPersona.Cadre);
        ChannelOption(html, SandboxZaloChat.Channel, "Zalo", zalo, persona == SandboxPersona.Cadre);
        html.Append("</fieldset>");

        // The clock.
        html.Append("<section class=\"clock\"><h2>").Append(T(SandboxTexts.Clock)).Append("</h2><p id=\"clock\" class=\"now\">")
            .Append(E(panels.ClockText(lang))).Append("</p><div class=\"row\">")
            .Append("<button type=\"button\" data-clock=\"hour\" id=\"clock-hour\">").Append(T(SandboxTexts.PlusHour)).Append("</button>")
            .Append("<button type=\"button\" data-clock=\"day\" id=\"clock-day\">").Append(T(SandboxTexts.PlusDay)).Append("</button>")
            .Append("<button type=\"button\" data-clock=\"next\" id=\"clock-next\">").Append(T(SandboxTexts.NextEvent)).Append("</button>")
            .Append("</div></section></section>");

        // The phone.
        html.Append("<section class=\"phone\" id=\"phone\"><div class=\"chat-head\"><span class=\"avatar\">920</span><span><strong>Directive920Bot</strong><br><small id=\"acting\">")
            .Append(E(acting?.FullName ?? "")).Append(" (").Append(zalo ? "Zalo · " + E(SandboxZaloChat.UserIdFor(actingId)) : actingId.ToString(CultureInfo.InvariantCulture)).Append(")</small></span></div>");
        if (zalo)
        {
            html.Append("<p class=\"admin-hint\" id=\"zalo-hint\">").Append(T(SandboxTexts.ZaloHint)).Append("</p>");
        }

        if (persona != SandboxPersona.Cadre)
        {
            var hint = persona == SandboxPersona.UnitAdmin
                ? SandboxTexts.UnitAdminHint.Format(lang, demo.UnitAdmin.UnitCode)
                : SandboxTexts.BlocAdminHint.For(lang);
            html.Append("<p class=\"admin-hint\"><span class=\"tag\">").Append(T(SandboxTexts.SandboxOnly)).Append("</span> ").Append(E(hint)).Append("</p>");
        }

        html.Append("<div class=\"messages\" id=\"messages\" aria-live=\"polite\"><p class=\"empty\" id=\"empty\">").Append(T(SandboxTexts.Empty)).Append("</p></div>")
            .Append("<div class=\"toast\" id=\"toast\" hidden></div>")
            .Append("<form class=\"composer\" id=\"composer\"><input id=\"text\" name=\"text\" autocomplete=\"off\" placeholder=\"").Append(T(SandboxTexts.MessagePlaceholder)).Append("\">")
            .Append("<button type=\"submit\" id=\"send\">").Append(T(SandboxTexts.Send)).Append("</button></form></section>");

        // The side panels, refreshed by polling.
        html.Append("<aside class=\"panels\" id=\"panels\">").Append(panels.Render(cadreId, lang, zalo ? SandboxZaloChat.PersonOf(services, cadreId) : null)).Append("</aside></main>");

        html.Append("<script type=\"application/json\" id=\"labels\">").Append(labels.Replace("</", "<\\/", StringComparison.Ordinal)).Append("</script>")
            .Append("<script id=\"config\" type=\"application/json\">")
            .Append(JsonSerializer.Serialize(new { lang, user = actingId, cadre = cadreId, persona = AsParam(persona), channel }))
            .Append("</script><script src=\"/sandbox/assets/sandbox.js\"></script></body></html>");
        return html.ToString();
    }

    private static string AsParam(SandboxPersona persona) => persona switch
    {
        SandboxPersona.UnitAdmin => "unit-admin",
        SandboxPersona.BlocAdmin => "bloc-admin",
        _ => "cadre",
    };

    private static void ChannelOption(StringBuilder html, string value, string label, bool selected, bool enabled) =>
        html.Append("<label class=\"option\"><input type=\"radio\" name=\"ch\" value=\"").Append(value).Append('"').Append(selected ? " checked" : "")
            .Append(enabled ? "" : " disabled").Append("> ").Append(label).Append("</label>");

    private static void PersonaOption(StringBuilder html, string value, string label, bool selected) =>
        html.Append("<label class=\"option\"><input type=\"radio\" name=\"as\" value=\"").Append(value).Append('"').Append(selected ? " checked" : "")
            .Append("> ").Append(label).Append("</label>");
}
