using Directive920Bot.Channels;
using Directive920Bot.Admin;
using Directive920Bot.Storage;

namespace Directive920Bot.Registration;

/// <summary>The profile itself: exported as stored, erased down to an anonymous tombstone for counts.</summary>
internal sealed class RegistrationPersonalData(ISubscribers subscribers, IRoles roles, CallbackKeyStore keys, IPersonDirectory directory, IOfferedChoicesStore offers) : IPersonalDataHolder
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
            // Where the bot reaches them (telegram:123…): an address is personal data too.
            Channels = directory.AddressesOf(subscriberId).Select(a => a.ToString()),
        };
    }

    /// <summary>The profile (down to its tombstone), the roles, the person's buttons, others' buttons about them and their channel addresses and typed-reply offers go together.</summary>
    public void Erase(ITransaction tx, long subscriberId, long pseudonym)
    {
        subscribers.Erase(tx, subscriberId, pseudonym);
        roles.RemoveAll(tx, subscriberId);
        keys.RevokeAbout(tx, subscriberId);
        directory.Forget(tx, subscriberId);
        offers.Forget(tx, subscriberId); // the typed replies last offered on Zalo, labels of their buttons included
    }
}
