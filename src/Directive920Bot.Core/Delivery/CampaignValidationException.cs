namespace Directive920Bot.Delivery;

/// <summary>The request was invalid; <see cref="Errors"/> maps each bad field (JSON path, e.g. <c>audience.units</c>) to messages.</summary>
public sealed class CampaignValidationException : Exception
{
    public CampaignValidationException()
    {
    }

    public CampaignValidationException(string message)
        : base(message)
    {
    }

    public CampaignValidationException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public CampaignValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
    {
        Errors = errors;
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]>();
}
