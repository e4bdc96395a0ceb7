using Directive920Bot.Delivery;
using Directive920Bot.Engagement;

namespace Directive920Bot.Reports;

/// <summary>
/// Day counters rebuilt from stored records (a provider's migration fills <see cref="UnitDayCounter"/> from the rows
/// written before it existed), by the rules <see cref="ReportCounters"/> counts live events with: a sent lesson or
/// announcement that is not a re-acknowledgement request, on the local day of its sending; an acknowledgement that is
/// not a re-acknowledgement, on the local day of the delivery it acknowledges.
/// </summary>
public sealed class UnitDayTally(TimeZoneInfo zone)
{
    private readonly Dictionary<string, UnitDayCounter> days = new(StringComparer.Ordinal);

    public IReadOnlyCollection<UnitDayCounter> Counters => days.Values;

    public void Delivered(DeliveryKind kind, DeliveryState state, string? itemId, string? campaignId, string? unitCode, string? payload, DateTime sentUtc)
    {
        if (state != DeliveryState.Sent || kind is not (DeliveryKind.Lesson or DeliveryKind.Announcement) || (itemId ?? campaignId) is null
            || unitCode is null || payload == ReackService.Payload)
        {
            return;
        }

        Day(unitCode, sentUtc).Delivered++;
    }

    public void Acknowledged(string? unitCode, string? itemId, string? campaignId, bool reacknowledgement, bool onTime, DateTime deliveredUtc)
    {
        if (unitCode is null || (itemId ?? campaignId) is null || reacknowledgement)
        {
            return;
        }

        var day = Day(unitCode, deliveredUtc);
        if (onTime)
        {
            day.OnTime++;
        }
        else
        {
            day.Late++;
        }
    }

    private UnitDayCounter Day(string unitCode, DateTime utc)
    {
        var key = UnitDayCounter.DayKey(zone, utc);
        var id = UnitDayCounter.IdFor(unitCode, key);
        if (!days.TryGetValue(id, out var counter))
        {
            days[id] = counter = new UnitDayCounter { Id = id, UnitCode = unitCode, Day = key };
        }

        return counter;
    }
}
