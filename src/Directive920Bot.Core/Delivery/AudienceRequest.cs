namespace Directive920Bot.Delivery;

public sealed record AudienceRequest(
    IReadOnlyList<string>? Units = null,
    bool IncludeSubUnits = true,
    IReadOnlyList<string>? Roles = null,
    IReadOnlyList<long>? SubscriberIds = null,
    bool All = false,
    bool PartyMembersOnly = false);
