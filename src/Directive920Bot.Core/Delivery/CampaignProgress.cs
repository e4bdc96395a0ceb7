namespace Directive920Bot.Delivery;

public sealed record CampaignProgress(int Expanded, int Sent, int Failed, int Blocked, int Skipped, int Remaining, double? EtaSeconds);
