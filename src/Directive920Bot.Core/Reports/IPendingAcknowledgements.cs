namespace Directive920Bot.Reports;

/// <summary>Who has not acknowledged what, in some units (engagement and the ledger answer it).</summary>
public interface IPendingAcknowledgements
{
    IReadOnlyList<PendingAcknowledgement> Pending(IReadOnlyCollection<string> unitCodes);
}
