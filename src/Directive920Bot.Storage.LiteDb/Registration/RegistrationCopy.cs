using Directive920Bot.Registration;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Registration;

/// <summary>Registration's sections for <c>migrate-store</c>: the organisation tree, the subscribers, the erased tombstones.</summary>
internal static class RegistrationCopy
{
    public static IEnumerable<StoreSection> Sections(ILiteDatabase lite)
    {
        yield return CopyCollections.Of<Unit>(lite, "units", LiteDbUnits.CollectionName);
        yield return CopyCollections.Of<Subscriber>(lite, "subscribers", SubscriberCollections.Subscribers);
        yield return CopyCollections.Of<ErasedSubscriber>(lite, "erased_subscribers", SubscriberCollections.Erased);
    }
}
