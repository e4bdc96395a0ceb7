using Directive920Bot.Delivery;

namespace Directive920Bot.Reports;

/// <summary>An item's figures; re-acknowledgements after a content change are counted apart from the first round.</summary>
public sealed record ItemFigures(string ItemId, string Title, DeliveryKind Kind, int Delivered, int OnTime, int Late, double? AckRate, double? MedianAckMinutes,
    int ReackRequested = 0, int Reacknowledged = 0)
{
    public int Acknowledged => OnTime + Late;
}
