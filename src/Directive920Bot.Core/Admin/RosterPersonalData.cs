using Directive920Bot.Registration;

namespace Directive920Bot.Admin;

/// <summary>The roster entry a subscriber was linked to is personal data: exported with /mydata, unlinked on /delete.</summary>
public sealed class RosterPersonalData(RosterStore roster) : IPersonalDataHolder
{
    public string Name => "roster";

    public object? Export(long subscriberId) => roster.ForSubscriber(subscriberId) is { } e
        ? new { e.FullName, e.UnitCode, role = e.Role.ToString(), e.Position, e.Phone }
        : null;

    public void Erase(long subscriberId, long pseudonym)
    {
        // The roster entry belongs to the unit; only the link to the person goes, so they count as never registered.
        if (roster.ForSubscriber(subscriberId) is { } entry)
        {
            entry.SubscriberId = null;
            roster.Save(entry);
        }
    }
}
