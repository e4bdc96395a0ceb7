using System.Globalization;
using System.Text;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using static Directive920Bot.Implementation.CommitmentTexts;

namespace Directive920Bot.Implementation;

/// <summary>
/// From the mid-year day and again from the year-end day (<see cref="CommitmentOptions"/>, local days on the business
/// clock), every reachable cadre with commitments not yet assessed in that round gets one message listing them, with the
/// assessment buttons (<see cref="CommitmentDecorator"/>). Ledger ids per year, round and person: each is sent once and
/// quiet hours are the dispatcher's.
/// </summary>
public sealed class CommitmentReminders(CommitmentService service, ICommitments store, ISubscribers subscribers, DeliveryLedger ledger, BotClock clock)
{
    public const string PayloadPrefix = "cmt|";
    private readonly Lock gate = new();

    /// <summary>Enqueues the reminders due at <paramref name="now"/>; returns how many rows were new.</summary>
    public int Run(DateTimeOffset now)
    {
        lock (gate)
        {
            var today = DateOnly.FromDateTime(clock.ToLocal(now));
            if (service.RoundOn(today) is not { } round)
            {
                return 0;
            }

            var year = today.Year;
            var rows = new List<DeliveryRow>();
            foreach (var commitment in store.ForYear(year).Where(c => c.Items.Any(i => i.For(round) is null)))
            {
                if (subscribers.Find(commitment.PersonId) is not { IsReachable: true } person)
                {
                    continue;
                }

                var language = person.Language;
                var list = new StringBuilder();
                foreach (var item in commitment.Items)
                {
                    list.Append("\n• <b>").Append(item.RequirementId).Append("</b>: ").Append(TelegramHtml.Escape(item.Text));
                }

                var html = Reminder.Format(language, CommitmentService.RoundLabel(round, language), year.ToString(CultureInfo.InvariantCulture), list.ToString().TrimStart('\n'));
                var id = string.Create(CultureInfo.InvariantCulture, $"cmt:{year}:{round}:{person.Id}");
                rows.Add(DeliveryRows.For(id, new DeliveryRecipient(person.Id, language, person.UnitCode, person.Role), DeliveryKind.Digest,
                    now.UtcDateTime, now.UtcDateTime, id: id, html: html,
                    payload: string.Create(CultureInfo.InvariantCulture, $"{PayloadPrefix}{year}|{round}")));
            }

            return rows.Count == 0 ? 0 : ledger.Enqueue(rows);
        }
    }
}
