using System.Globalization;
using Directive920Bot.Content;
using Directive920Bot.Hosting;
using Directive920Bot.Localization;
using Directive920Bot.Registration;

namespace Directive920Bot.Delivery;

/// <summary>
/// What an admin reads for a campaign and for who made it: "Bài 3. … – 08:00 thứ Năm, 19/11/2026" and a person's name, never
/// the campaign's hex id or an actor key such as <c>bot:123456789</c> (those stay in the API, the CLI and the audit log).
/// </summary>
public sealed class CampaignLabels(ContentService content, ISubscribers subscribers, BotClock clock)
{
    /// <summary>The date format people plan with, as the rest of the bot writes it.</summary>
    public const string TimeFormat = "dd/MM/yyyy HH:mm";

    private const int ButtonTitleLength = 40;

    private static readonly Loc AnnouncementTitle = new("Tin thông báo: {0}", "Announcement: {0}");
    private static readonly Loc AnnouncementEmpty = new("Tin thông báo", "Announcement");
    private static readonly Loc Console = new("quản trị qua dòng lệnh", "an administrator at the server console");
    private static readonly Loc Api = new("API ({0})", "API ({0})");
    private static readonly Loc UnknownPerson = new("quản trị viên chưa đăng ký họ tên với bot", "an administrator not registered with the bot");

    /// <summary>"Bài 3. Nêu gương … – 08:00 thứ Năm, 19/11/2026": the content and when it is (or was) sent.</summary>
    public string Label(Campaign campaign, string language) => $"{Title(campaign, language)} – {When(campaign, language)}";

    /// <summary>The same, short enough for a button: the title cut to a phone's width, then the time.</summary>
    public string ButtonLabel(Campaign campaign, string language)
    {
        var title = Title(campaign, language);
        if (title.Length > ButtonTitleLength)
        {
            title = title[..(ButtonTitleLength - 1)].TrimEnd() + "…";
        }

        return $"{title} – {When(campaign, language)}";
    }

    /// <summary>The lesson's title in that language, or "Tin thông báo: <its first words>" for a free text.</summary>
    public string Title(Campaign campaign, string language)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.LessonId is { } lessonId)
        {
            return content.Current.Find(lessonId)?.For(language).Title ?? AnnouncementEmpty.For(language);
        }

        var plain = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(campaign.Html ?? campaign.Text ?? "", "<[^>]+>", " "));
        plain = string.Join(' ', plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (plain.Length > 40)
        {
            plain = plain[..40].TrimEnd() + "…";
        }

        return plain.Length == 0 ? AnnouncementEmpty.For(language) : AnnouncementTitle.Format(language, plain);
    }

    /// <summary>
    /// "08:00 thứ Năm, 19/11/2026": the first (or next, for a recurring campaign) sending, else its creation — with the
    /// weekday, since admins plan meetings and follow-ups around it.
    /// </summary>
    public string When(Campaign campaign, string language)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return Dates.PlannedAt(clock.ToLocal(campaign.SendAt ?? campaign.NextOccurrenceAt ?? campaign.LastOccurrenceAt ?? campaign.CreatedAt), language);
    }

    /// <summary>
    /// Who an actor key (<c>bot:9001</c>, <c>web:9001</c>, <c>api:ops</c>, <c>cli:root</c>) is for a reader: the person's registered name,
    /// "API (ops)", or "quản trị qua dòng lệnh".
    /// </summary>
    public string Person(string actor, string language)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.StartsWith("bot:", StringComparison.Ordinal) || actor.StartsWith("web:", StringComparison.Ordinal))
        {
            return long.TryParse(actor.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && subscribers.Find(id)?.FullName is { Length: > 0 } name
                ? name
                : UnknownPerson.For(language);
        }

        if (actor.StartsWith("api:", StringComparison.Ordinal))
        {
            return Api.Format(language, actor[4..]);
        }

        return actor.StartsWith("cli:", StringComparison.Ordinal) ? Console.For(language) : actor;
    }
}
