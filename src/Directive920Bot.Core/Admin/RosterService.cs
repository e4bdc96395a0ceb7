using System.Globalization;
using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Admin;

/// <summary>Links registrations to roster entries and lists who is missing on either side.</summary>
public sealed class RosterService(IRoster roster, ISubscribers subscribers, AuditLog audit, IStorage storage)
{
    /// <summary>The entry a <c>p_CODE</c> start parameter names, if any.</summary>
    public RosterEntry? FromInvite(string? startParameter)
    {
        if (string.IsNullOrWhiteSpace(startParameter) || !startParameter.StartsWith("p_", StringComparison.Ordinal))
        {
            return null;
        }

        return roster.FindByInvite(startParameter[2..].Trim().ToLowerInvariant());
    }

    /// <summary>The single unlinked entry in the subscriber's unit with the same folded name; null when none or ambiguous.</summary>
    public RosterEntry? Suggest(Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (subscriber.UnitCode is null || subscriber.FullName is null || subscriber.RosterEntryId is not null)
        {
            return null;
        }

        var name = TextFold.Fold(subscriber.FullName);
        var candidates = roster.InUnits([subscriber.UnitCode]).Where(e => e.SubscriberId is null && e.NameKey == name).Take(2).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>Ties the two together; false when the entry already belongs to someone else.</summary>
    public bool Link(long actor, Subscriber subscriber, RosterEntry entry, RosterLink how)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.SubscriberId is { } other && other != subscriber.Id)
        {
            return false;
        }

        entry.SubscriberId = subscriber.Id;
        subscriber.RosterEntryId = entry.Id;
        // Both sides of the link, and its audit entry, commit together.
        storage.Write(tx =>
        {
            roster.Save(tx, entry);
            subscribers.Save(tx, subscriber);
            if (actor != subscriber.Id)
            {
                audit.Write(tx, actor, "roster.link", subscriber.Id.ToString(CultureInfo.InvariantCulture), $"entry {entry.Id} ({how})");
            }
        });

        return true;
    }

    /// <summary>Registered subscribers in the units with no roster entry.</summary>
    public IReadOnlyList<Subscriber> Unmatched(IReadOnlyCollection<string> unitCodes) =>
        subscribers.InUnits(unitCodes).Where(s => s.RosterEntryId is null).OrderBy(s => s.UnitCode, StringComparer.Ordinal).ThenBy(s => s.FullName, StringComparer.Ordinal).ToList();

    /// <summary>Roster members of the units who never registered (or whose link was erased).</summary>
    public IReadOnlyList<RosterEntry> NeverRegistered(IReadOnlyCollection<string> unitCodes) =>
        roster.InUnits(unitCodes).Where(e => e.SubscriberId is null).OrderBy(e => e.UnitCode, StringComparer.Ordinal).ThenBy(e => e.FullName, StringComparer.Ordinal).ToList();
}
