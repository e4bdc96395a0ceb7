using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Admin;

/// <summary>The roster entry a subscriber was linked to is personal data: exported with /mydata, unlinked on /delete.</summary>
public sealed class RosterPersonalData(IRoster roster) : IPersonalDataHolder
{
    public string Name => "roster";

    public object? Export(long subscriberId) => roster.ForSubscriber(subscriberId) is { } e
        ? new { e.FullName, e.UnitCode, role = e.Role.ToString(), e.Position, e.Phone }
        : null;

    /// <summary>The roster entry belongs to the unit; only the link to the person goes, so they count as never registered.</summary>
    public void Erase(ITransaction tx, long subscriberId, long pseudonym)
    {
        if (roster.ForSubscriber(subscriberId) is { } entry)
        {
            entry.SubscriberId = null;
            roster.Save(tx, entry);
        }
    }
}
