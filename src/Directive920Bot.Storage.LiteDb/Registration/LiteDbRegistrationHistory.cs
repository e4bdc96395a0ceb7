using Directive920Bot.Registration;

namespace Directive920Bot.Storage.LiteDb.Registration;

/// <summary>Registrations at an instant, from the subscribers' <c>RegisteredAt</c> (a narrow projection) and the erased.</summary>
internal sealed class LiteDbRegistrationHistory(Database db) : IRegistrationHistory
{
    public IReadOnlyDictionary<string, int> RegisteredByUnit(DateTime beforeUtc, IReadOnlyCollection<string>? unitCodes)
    {
        var subscribers = db.Lite.GetCollection(SubscriberCollections.Subscribers).Query();
        // Large sub-trees read the narrow projection of everyone rather than an IN of many index keys.
        var filtered = unitCodes is null || unitCodes.Count > 64 ? subscribers : subscribers.Where(Filter.In(nameof(Subscriber.UnitCode), unitCodes));
        var people = filtered.Select("{UnitCode: $.UnitCode, RegisteredAt: $.RegisteredAt}").ToEnumerable()
            .Where(d => d["RegisteredAt"].IsDateTime && d["RegisteredAt"].AsDateTime < beforeUtc).Select(d => d["UnitCode"].AsString);
        var erased = db.Collection<ErasedSubscriber>(SubscriberCollections.Erased).FindAll()
            .Where(e => e.RegisteredAt < beforeUtc && e.ErasedAt >= beforeUtc).Select(e => e.UnitCode);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var unit in people.Concat(erased))
        {
            if (unit is not null)
            {
                result[unit] = result.GetValueOrDefault(unit) + 1;
            }
        }

        return result;
    }
}
