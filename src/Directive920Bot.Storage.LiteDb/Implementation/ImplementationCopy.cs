using Directive920Bot.Implementation;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Implementation;

/// <summary>Implementation's sections for <c>migrate-store</c>: the units' reports (evidence metadata inside), locks, drafts, commitments.</summary>
internal static class ImplementationCopy
{
    public static IEnumerable<StoreSection> Sections(ILiteDatabase lite)
    {
        yield return CopyCollections.Of<ImplementationReport>(lite, "impl_reports", LiteDbImplementationReports.CollectionName);
        yield return CopyCollections.Of<PeriodLock>(lite, "impl_locks", LiteDbImplementationReports.LockCollection);
        yield return CopyCollections.Of<ImplementationDraft>(lite, "impl_drafts", LiteDbImplementationReports.DraftCollection);
        yield return CopyCollections.Of<Commitment>(lite, "impl_commitments", LiteDbCommitments.CollectionName);
    }
}
