using System.Globalization;
using System.Text;
using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Hosting;
using Directive920Bot.Localization;
using Directive920Bot.Registration;
using Microsoft.Extensions.Options;
using static Directive920Bot.Implementation.ImplementationTexts;

namespace Directive920Bot.Implementation;

/// <summary>
/// In the last <see cref="ImplementationOptions.ReminderDaysBefore"/> days of a period: a reminder to the admins of each
/// reporting unit that has reported nothing yet, and a digest of those units to the bloc's admins. Rows go through the
/// ledger with ids per period, unit and admin, so a second pass sends nothing twice and quiet hours are the dispatcher's.
/// </summary>
public sealed class ImplementationReminders(
    ImplementationService service,
    IRoles roles,
    IUnits units,
    ISubscribers subscribers,
    DeliveryLedger ledger,
    BotClock clock,
    IOptions<ImplementationOptions> options,
    SuperAdmins superAdmins)
{
    private readonly Lock gate = new();

    public ImplementationReminderRun Run(DateTimeOffset now)
    {
        lock (gate)
        {
            var today = DateOnly.FromDateTime(clock.ToLocal(now));
            var period = ReportingPeriod.Containing(today, service.Kind);
            if (period.End.DayNumber - today.DayNumber >= options.Value.ReminderDaysBefore || service.IsLocked(period))
            {
                return new(0, 0);
            }

            var all = service.ReportingUnits(units.All().Select(u => u.Code).ToList());
            var reported = service.UnitsReported(period, all.Select(u => u.Code).ToList());
            var missing = all.Where(u => !reported.Contains(u.Code)).ToList();
            var rows = new List<DeliveryRow>();
            var unitAdmins = roles.All().Where(r => r.Role == AdminRole.UnitAdmin && r.UnitCode is not null).ToList();
            foreach (var unit in missing)
            {
                // The admins of the unit itself or of a unit above it: those who can report for it.
                foreach (var admin in unitAdmins.Where(r => units.Find(r.UnitCode) is { } held && unit.Path.StartsWith(held.Path, StringComparison.Ordinal))
                    .Select(r => r.UserId).Distinct())
                {
                    var language = Language(admin);
                    var html = Reminder.Format(language, TelegramHtml.Escape(unit.Name), period.Label(language), Dates.DayWithWeekday(period.End, language));
                    rows.Add(Row($"impl:r:{period.Id}:{unit.Code}:{admin}", admin, language, html, now));
                }
            }

            var reminders = rows.Count;
            if (missing.Count > 0)
            {
                var blocAdmins = roles.All().Where(r => r.Role == AdminRole.BlocAdmin).Select(r => r.UserId).Concat(superAdmins.StoredIds()).Distinct();
                foreach (var admin in blocAdmins)
                {
                    var language = Language(admin);
                    var text = new StringBuilder(Digest.Format(language, period.Label(language), Dates.DayWithWeekday(period.End, language), missing.Count, all.Count));
                    foreach (var unit in missing.Take(100))
                    {
                        text.Append("\n• ").Append(TelegramHtml.Escape(unit.Name));
                    }

                    rows.Add(Row($"impl:d:{period.Id}:{admin}", admin, language, text.ToString(), now));
                }
            }

            var enqueued = rows.Count == 0 ? 0 : ledger.Enqueue(rows);
            return new(Math.Min(enqueued, reminders), Math.Max(0, enqueued - reminders));
        }
    }

    private string Language(long userId) => subscribers.Find(userId)?.Language ?? "vi";

    private static DeliveryRow Row(string id, long userId, string language, string html, DateTimeOffset now) =>
        DeliveryRows.For(id, new DeliveryRecipient(userId, language, null, null), DeliveryKind.Digest,
            now.UtcDateTime, now.UtcDateTime, id: id, html: html);
}
