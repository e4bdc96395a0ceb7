using Directive920Bot.Engagement;

namespace Directive920Bot.Storage.LiteDb.Engagement;

/// <summary>Open review items through the <c>Resolved</c> index, projected: they are few (they close when answered right).</summary>
internal sealed class LiteDbOpenReviews(Database db) : IOpenReviews
{
    public IReadOnlyDictionary<string, int> MembersDueByUnit() =>
        db.Collection<ReviewItem>(LiteDbReviews.CollectionName)
            .Query().Where(r => !r.Resolved).Select(r => new { r.UnitCode, r.SubscriberId }).ToEnumerable()
            .Where(r => r.UnitCode is not null)
            .GroupBy(r => r.UnitCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.SubscriberId).Distinct().Count(), StringComparer.Ordinal);
}
