using Directive920Bot.Channels;
using Directive920Bot.Admin;

namespace Directive920Bot.Registration;

/// <summary>The profile itself: exported as stored, erased down to an anonymous tombstone for counts.</summary>
internal sealed class RegistrationPersonalData(SubscriberStore subscribers, RoleStore roles, CallbackKeyStore keys) : IPersonalDataHolder
{
    public string Name => "profile";

    public object? Export(long subscriberId)
    {
        var s = subscribers.Find(subscriberId);
        return s is null ? null : new
        {
            s.FullName,
            s.UnitCode,
            Role = s.Role?.ToString(),
            s.Language,
            Status = s.Status.ToString(),
            s.Paused,
            s.ConsentAt,
            s.ConsentVersion,
            s.RegisteredAt,
            s.PreferredHour,
            Roles = roles.For(subscriberId).Select(r => new { Role = r.Role.ToString(), r.UnitCode, r.GrantedAt }),
        };
    }

    public void Erase(long subscriberId, long pseudonym)
    {
        var subscriber = subscribers.Find(subscriberId);
        if (subscriber is not null)
        {
            subscribers.Erase(subscriber, pseudonym);
        }

        roles.RemoveAll(subscriberId);
        keys.RevokeOwnedBy(subscriberId);
    }
}
