namespace Directive920Bot.Delivery;

public sealed record CampaignPreview(int AudienceCount, IReadOnlyDictionary<string, int> Languages, IReadOnlyDictionary<string, string> Messages, IReadOnlyDictionary<string, int> Parts);
