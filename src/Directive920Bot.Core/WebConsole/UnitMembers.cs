using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using Directive920Bot.Registration;

namespace Directive920Bot.WebConsole;

/// <summary>A unit's members (roster and registered people) and each one's state per item, a page at a time.</summary>
/// <remarks>
/// States are read for the shown page's members only (every member's for the <c>pending</c> filter), in one narrow read
/// of their ledger rows and one of their acknowledgements through the SubscriberId indexes, never a person at a time.
/// </remarks>
public sealed class UnitMembers(IRoster roster, ISubscribers subscribers, IDeliveryHistory ledger, IAcknowledgementHistory acknowledgements)
{
    public const int PageSize = 50;

    /// <param name="filter">null (everyone), <c>unregistered</c>, <c>pending</c> (something delivered not acknowledged) or <c>blocked</c>.</param>
    public MembersPage Page(IReadOnlyCollection<string> unitCodes, IReadOnlyList<string> itemIds, string? filter, string? query, int page)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        var registered = subscribers.InUnits(unitCodes).Where(s => s.IsRegistered).ToList();
        var byId = registered.ToDictionary(s => s.Id);
        var people = new List<(string Name, string Unit, string? Position, Subscriber? Subscriber)>();
        foreach (var entry in roster.InUnits(unitCodes).Where(e => e.Current))
        {
            people.Add((entry.FullName, entry.UnitCode, entry.Position, entry.SubscriberId is { } id ? byId.GetValueOrDefault(id) : null));
        }

        var onRoster = people.Where(p => p.Subscriber is not null).Select(p => p.Subscriber!.Id).ToHashSet();
        people.AddRange(registered.Where(s => !onRoster.Contains(s.Id)).Select(s => (s.FullName ?? "", s.UnitCode ?? "", (string?)null, (Subscriber?)s)));
        if (!string.IsNullOrWhiteSpace(query))
        {
            var folded = TextFold.Fold(query);
            people = people.Where(p => TextFold.Fold(p.Name).Contains(folded, StringComparison.Ordinal)).ToList();
        }

        IEnumerable<MemberView> views = people
            .OrderBy(p => p.Unit, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new MemberView(p.Name, p.Unit, p.Position, p.Subscriber?.Id, p.Subscriber?.Status, null));
        views = filter switch
        {
            "unregistered" => views.Where(v => v.SubscriberId is null),
            "blocked" => views.Where(v => v.Status == SubscriberStatus.Blocked),
            // Needs each member's states: computed for every member of the unit, then paged.
            "pending" => WithStates([.. views.Where(v => v.SubscriberId is not null)], itemIds).Where(v => v.States!.Contains(ItemState.NotYet)),
            _ => views,
        };
        var list = views.ToList();
        var pages = Math.Max(1, (list.Count + PageSize - 1) / PageSize);
        var current = Math.Clamp(page, 1, pages);
        var shown = list.Skip((current - 1) * PageSize).Take(PageSize).ToList();
        var rows = filter == "pending" ? shown : WithStates(shown, itemIds);
        return new MembersPage(rows, list.Count, current, pages);
    }

    private List<MemberView> WithStates(List<MemberView> members, IReadOnlyList<string> itemIds)
    {
        var ids = members.Where(m => m.SubscriberId is not null).Select(m => m.SubscriberId!.Value).ToHashSet();
        var acks = acknowledgements.ForSubscribers(ids).Where(a => !a.Reacknowledgement)
            .GroupBy(a => (a.SubscriberId, Item: a.ItemId ?? "campaign:" + a.CampaignId))
            .ToDictionary(g => g.Key, g => g.Any(a => a.OnTime));
        var rows = ledger.ForSubscribers(ids).Select(r => (Row: r, Item: ReportItemId(r))).Where(r => r.Item is not null)
            .GroupBy(r => (r.Row.SubscriberId, Item: r.Item!))
            .ToDictionary(g => g.Key, g => g.Select(r => r.Row.State).ToList());
        return [.. members.Select(member =>
        {
            if (member.SubscriberId is not { } id)
            {
                return member with { States = [.. itemIds.Select(_ => ItemState.NotRegistered)] };
            }

            var states = itemIds.Select(item =>
                acks.TryGetValue((id, item), out var onTime) ? (onTime ? ItemState.OnTime : ItemState.Late)
                : rows.TryGetValue((id, item), out var sent) ? (sent.Contains(DeliveryState.Sent) ? ItemState.NotYet
                    : sent.Contains(DeliveryState.Blocked) ? ItemState.Blocked : ItemState.NotSent)
                : ItemState.NotSent).ToList();
            return member with { States = states };
        })];
    }

    // What a row is reported under, as ReportCounters.ReportItemId says of a full row.
    private static string? ReportItemId(SentDelivery row) => row.Kind is DeliveryKind.Lesson or DeliveryKind.Announcement
        ? row.ItemId ?? (row.CampaignId is { } c ? "campaign:" + c : null)
        : null;
}

public enum ItemState
{
    OnTime,
    Late,
    NotYet,
    Blocked,
    NotSent,
    NotRegistered,
}

public sealed record MemberView(string Name, string UnitCode, string? Position, long? SubscriberId, SubscriberStatus? Status, IReadOnlyList<ItemState>? States);

public sealed record MembersPage(IReadOnlyList<MemberView> Rows, int Total, int Page, int Pages);
