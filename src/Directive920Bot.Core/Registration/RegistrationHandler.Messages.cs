using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Localization;
using static Directive920Bot.Registration.RegistrationTexts;

namespace Directive920Bot.Registration;

/// <summary>The messages the dialogue shows: welcome, unit picker, role prompt, summary, language chooser.</summary>
public sealed partial class RegistrationHandler
{
    private Unit? InviteUnit(string arguments)
    {
        var code = arguments.Trim();
        if (code.Length == 0)
        {
            return null;
        }

        code = code.StartsWith("u_", StringComparison.Ordinal) ? code[2..] : code;
        return units.FindByInvite(code.ToLowerInvariant());
    }

    private OutboundMessage WelcomeMessage(BotContext context, string? inviteUnit, string? personInvite = null)
    {
        // Nobody is stored yet, so these buttons belong to whoever presses them and carry the invite and language.
        var payload = $"{context.Language}|{inviteUnit}|{personInvite}";
        var other = context.Language == Languages.Vietnamese ? Languages.English : Languages.Vietnamese;
        return new OutboundMessage(consent.Welcome(context.Language)).WithButtons(
            [
                new OutboundButton(context.T(Agree), keys.Issue(null, "reg.consent", payload, ConsentButtonLifetime)),
                new OutboundButton(context.T(Disagree), keys.Issue(null, "reg.refuse", "", ConsentButtonLifetime)),
            ],
            [new OutboundButton(context.T(SwitchLanguage), keys.Issue(null, "reg.welcome-lang", $"{other}|{inviteUnit}|{personInvite}", ConsentButtonLifetime))]);
    }

    private OutboundMessage UnitPicker(BotContext context, int page, string? query, Loc? lead = null)
    {
        var list = query is null ? units.All() : units.Search(query);
        var pages = Math.Max(1, (list.Count + UnitsPerPage - 1) / UnitsPerPage);
        page = Math.Clamp(page, 0, pages - 1);
        var rows = list.Skip(page * UnitsPerPage).Take(UnitsPerPage)
            .Select(u => (IReadOnlyList<OutboundButton>)[new OutboundButton(Indent(u) + Shorten(u.Name, 48), keys.Issue(context.PersonId, "reg.unit", u.Code))])
            .ToList();
        var nav = new List<OutboundButton>();
        if (page > 0)
        {
            nav.Add(new OutboundButton(context.T(Previous), keys.Issue(context.PersonId, "reg.page", $"{page - 1}|{query}")));
        }

        if (page < pages - 1)
        {
            nav.Add(new OutboundButton(context.T(Next), keys.Issue(context.PersonId, "reg.page", $"{page + 1}|{query}")));
        }

        if (nav.Count > 0)
        {
            rows.Add(nav);
        }

        var header = query is null ? context.T(lead ?? AskUnit) : UnitMatches.Format(context.Language, TelegramHtml.Escape(query));
        var footer = pages > 1 ? $"\n<i>{page + 1}/{pages}</i>" : "";
        return new OutboundMessage(header + footer, rows);
    }

    private OutboundMessage RolePrompt(BotContext context, Loc lead) => new OutboundMessage(context.T(lead)).WithButtons(
        [new OutboundButton(context.T(RoleLeader), keys.Issue(context.PersonId, "reg.role", "leader"))],
        [new OutboundButton(context.T(RoleStaff), keys.Issue(context.PersonId, "reg.role", "staff"))]);

    private OutboundMessage SummaryMessage(BotContext context, Subscriber subscriber, Loc? lead)
    {
        var draft = subscriber.Draft ?? new RegistrationDraft();
        var text = SummaryText(context, draft.FullName, draft.UnitCode, draft.Role);
        if (lead is { } l)
        {
            text = context.T(l) + "\n\n" + text;
        }

        if (draft.InviteUnitCode is not null && draft.UnitCode == draft.InviteUnitCode)
        {
            text += "\n<i>" + UnitFromInvite.Format(context.Language, TelegramHtml.Escape(units.DisplayName(draft.UnitCode))) + "</i>";
        }

        return new OutboundMessage(text).WithButtons(
            [new OutboundButton(context.T(Confirm), keys.Issue(context.PersonId, "reg.confirm"))],
            [
                new OutboundButton(context.T(EditName), keys.Issue(context.PersonId, "reg.edit", "name")),
                new OutboundButton(context.T(EditUnit), keys.Issue(context.PersonId, "reg.edit", "unit")),
                new OutboundButton(context.T(EditRole), keys.Issue(context.PersonId, "reg.edit", "role")),
            ]);
    }

    private string SummaryText(BotContext context, string? name, string? unitCode, CadreRole? role) =>
        Summary.Format(context.Language, TelegramHtml.Escape(name ?? "—"), TelegramHtml.Escape(units.DisplayName(unitCode)), RoleName(role, context.Language));

    private OutboundMessage LanguageChooser(BotContext context) => new OutboundMessage(context.T(ChooseLanguage)).WithButtons(
    [
        new OutboundButton("🇻🇳 Tiếng Việt", keys.Issue(context.Subscriber is null ? null : context.PersonId, "reg.lang", "vi")),
        new OutboundButton("🇬🇧 English", keys.Issue(context.Subscriber is null ? null : context.PersonId, "reg.lang", "en")),
    ]);
}
