using System.Globalization;
using System.Text;
using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Hosting;
using Directive920Bot.Localization;
using Directive920Bot.Registration;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Reports;

/// <summary>
/// The weekly digest to each unit admin (their units' figures and the non-acknowledgement list from escalation) and the
/// monthly one to bloc admins (units ranked by acknowledgement rate). Rows go through the ledger with ids per period, so
/// running twice sends once and quiet hours are the dispatcher's business.
/// </summary>
public sealed class DigestService(
    IRoles roles,
    IUnits units,
    ReportService reports,
    PeriodReportService period,
    IEscalations escalations,
    ISubscribers subscribers,
    DeliveryLedger ledger,
    BotClock clock,
    IOptions<ReportOptions> options,
    SuperAdmins superAdmins)
{
    // The Quartz tick and a direct call (tests, an admin) must not enqueue the same period's rows at once.
    private readonly Lock gate = new();

    public Task<DigestRun> RunAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        lock (gate)
        {
            return Task.FromResult(Run(now, ct));
        }
    }

    private DigestRun Run(DateTimeOffset now, CancellationToken ct)
    {
        var local = clock.ToLocal(now);
        var o = options.Value;
        var weekly = 0;
        var monthly = 0;
        if (local.DayOfWeek == o.WeeklyDigestDay && local.Hour >= o.DigestHour)
        {
            var week = ISOWeek.GetYear(local).ToString(CultureInfo.InvariantCulture) + "W" + ISOWeek.GetWeekOfYear(local).ToString("00", CultureInfo.InvariantCulture);
            foreach (var admin in roles.All().Where(r => r.Role == AdminRole.UnitAdmin && r.UnitCode is not null).GroupBy(r => r.UserId))
            {
                ct.ThrowIfCancellationRequested();
                var language = Language(admin.Key);
                var html = Weekly(admin.Select(r => r.UnitCode!).Distinct().ToList(), language);
                weekly += ledger.Enqueue([Row($"dg:w:{week}:{admin.Key}", admin.Key, language, html, now)]);
            }
        }

        if (local.Day == 1 && local.Hour >= o.DigestHour)
        {
            var month = local.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var lastMonth = new DateOnly(local.Year, local.Month, 1).AddMonths(-1);
            var ranking = Ranking(lastMonth);
            var blocAdmins = roles.All().Where(r => r.Role == AdminRole.BlocAdmin).Select(r => r.UserId).Concat(superAdmins.StoredIds()).Distinct();
            foreach (var admin in blocAdmins)
            {
                ct.ThrowIfCancellationRequested();
                var language = Language(admin);
                monthly += ledger.Enqueue([Row($"dg:m:{month}:{admin}", admin, language, Monthly(language, lastMonth, ranking), now)]);
            }
        }

        return new DigestRun(weekly, monthly);
    }

    private string Language(long userId) => subscribers.Find(userId)?.Language ?? "vi";

    private string Weekly(IReadOnlyList<string> unitCodes, string language)
    {
        var text = new StringBuilder(language == "en" ? "📊 <b>Weekly digest</b>" : "📊 <b>Bản tin tuần</b>");
        foreach (var code in unitCodes)
        {
            if (reports.Unit(code) is not { } r)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"\n\n<b>{TelegramHtml.Escape(r.Name)}</b>\n");
            string N(int n) => Numbers.Count(n, language);
            text.Append(language == "en"
                ? $"Registered {N(r.Registered)}/{N(r.Roster)} · receiving {N(r.Active)} · acknowledged {N(r.Acknowledged)}/{N(r.Delivered)} ({Numbers.Percent(r.AckRate, language)})"
                : $"Đăng ký {N(r.Registered)}/{N(r.Roster)} · đang nhận tin {N(r.Active)} · đã xác nhận {N(r.Acknowledged)}/{N(r.Delivered)} ({Numbers.Percent(r.AckRate, language)})");
            var open = escalations.OpenForUnits(units.SubTreeCodes([code]));
            text.Append(language == "en" ? $"\nNot acknowledged after reminders: {open.Count}" : $"\nChưa xác nhận sau khi đã nhắc: {open.Count}");
            foreach (var person in open.GroupBy(e => e.SubscriberId).Take(30))
            {
                var name = subscribers.Find(person.Key)?.FullName ?? "—";
                text.Append(CultureInfo.InvariantCulture, $"\n• {TelegramHtml.Escape(name)}: {string.Join(", ", person.Select(e => TelegramHtml.Escape(reports.Title(e.ItemId ?? "campaign:" + e.CampaignId, language))))}");
            }
        }

        return text.ToString();
    }

    /// <summary>The bloc's first-level units by their acknowledgement rate in the month that just ended.</summary>
    private List<PeriodReport> Ranking(DateOnly month)
    {
        var top = units.All().Where(u => u.Depth == 1).Select(u => u.Code).ToList();
        return period.ForUnits(top, month, month.AddMonths(1).AddDays(-1))
            .OrderByDescending(r => r.AckRate ?? -1).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    private static string Monthly(string language, DateOnly month, IReadOnlyList<PeriodReport> ranked)
    {
        var label = month.ToString("MM/yyyy", CultureInfo.InvariantCulture);
        var text = new StringBuilder(language == "en"
            ? $"🏆 <b>Ranking of units by acknowledgement rate, {label}</b>\n(lessons and announcements sent in the month; registered/roster as of now)"
            : $"🏆 <b>Xếp hạng đơn vị theo tỷ lệ xác nhận tháng {label}</b>\n(bài, thông báo gửi trong tháng; số đăng ký/danh sách tại thời điểm gửi bản tin)");
        var rank = 0;
        foreach (var r in ranked)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{++rank}. {TelegramHtml.Escape(r.Name)} — {Numbers.Percent(r.AckRate, language)} ({Numbers.Count(r.Acknowledged, language)}/{Numbers.Count(r.Delivered, language)}); {Numbers.Count(r.RegisteredAtEnd, language)}/{Numbers.Count(r.RosterNow, language)}");
        }

        return text.ToString();
    }

    // A digest is an occurrence of its own per admin and period (its id is its occurrence), sent to the admin's private
    // chat. The html is already in the admin's language and the row says so (what the dispatcher adds, and the ledger's
    // records, follow it); no unit or role snapshot, as digest rows always had (an admin need not be a registered cadre).
    private static DeliveryRow Row(string id, long userId, string language, string html, DateTimeOffset now) =>
        DeliveryRows.For(id, new DeliveryRecipient(userId, language, null, null), DeliveryKind.Digest,
            now.UtcDateTime, now.UtcDateTime, id: id, html: html);
}
