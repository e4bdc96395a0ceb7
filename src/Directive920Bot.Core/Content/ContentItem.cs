namespace Directive920Bot.Content;

public sealed record ContentItem(
    string Id,
    ItemKind Kind,
    int Order,
    IReadOnlyList<string> Clauses,
    Audience Audience,
    int Minutes,
    bool RequireAck,
    string ContentHash,
    IReadOnlyDictionary<string, ItemText> Texts)
{
    public const string DefaultLanguage = "vi";

    /// <summary>The text for a Telegram language code ("en", "en-US"); falls back to Vietnamese.</summary>
    public ItemText For(string language)
    {
        if (!string.IsNullOrEmpty(language))
        {
            // Telegram sends IETF tags such as "en-US"; the content only knows the primary subtag.
            var primary = language.Split('-', '_')[0].ToLowerInvariant();
            if (Texts.TryGetValue(primary, out var text))
            {
                return text;
            }
        }

        return Texts[DefaultLanguage];
    }

    /// <summary>Leaders get <c>all</c> and <c>leaders</c> items; everyone else gets <c>all</c> and <c>staff</c> items.</summary>
    public bool IsFor(bool isLeader) => Audience switch
    {
        Audience.Leaders => isLeader,
        Audience.Staff => !isLeader,
        _ => true,
    };
}
