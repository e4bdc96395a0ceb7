using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Reports;

/// <summary>
/// The records of report events about a person (<c>p:{id}</c>, <c>q:{id}:{question}</c>, <c>d:{ledger row id}</c>) are
/// deleted at erasure, not only kept hashed: they exist so that a resent row or a second answer is not counted twice,
/// and an erased person's rows are never sent or answered again, so the counts they guarded need them no more. The
/// counters themselves (anonymous, per unit) stay. Exports nothing: the records hold no readable data.
/// </summary>
internal sealed class ReportEventsPersonalData(IReportCounterStore store, DeliveryLedger ledger, IQuizAnswers answers) : IPersonalDataHolder
{
    public string Name => "reportEvents";

    public object? Export(long subscriberId) => null;

    public IEnumerable<PersonalDataSection> Describe(long subscriberId, PersonalDataFormat format) => [];

    public void Erase(ITransaction tx, long subscriberId, ErasurePseudonyms pseudonyms)
    {
        ArgumentNullException.ThrowIfNull(pseudonyms);
        // Holders run in one transaction in registration order: the delivery and engagement holders may already have
        // relinked the rows to their pseudonyms (this one is registered after them), so both are read: the rows still
        // under the person's id and the original ids of those relinked.
        var rows = ledger.ForSubscriber(subscriberId).Select(r => r.Id).Concat(pseudonyms.RelinkedDeliveries);
        var questions = answers.ForSubscriber(subscriberId).Concat(pseudonyms.Issued.SelectMany(answers.ForSubscriber))
            .Select(a => ReportCounters.QuestionKey(a.ItemId, a.QuestionId));
        var events = rows.Select(id => "d:" + id)
            .Concat(questions.Select(q => FormattableString.Invariant($"q:{subscriberId}:{q}")))
            .Append(FormattableString.Invariant($"p:{subscriberId}"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        store.Forget(tx, events);
    }
}
