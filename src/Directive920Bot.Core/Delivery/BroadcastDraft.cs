
namespace Directive920Bot.Delivery;

/// <summary>A bloc admin's /broadcast dialogue in progress; one per admin, kept in the store so a restart resumes it.</summary>
public sealed class BroadcastDraft
{
    /// <summary>The admin's Telegram user id.</summary>
    public long Id { get; set; }

    public string? LessonId { get; set; }

    public string? Text { get; set; }

    public bool All { get; set; }

    public List<string> Units { get; set; } = [];

    public bool IncludeSubUnits { get; set; } = true;

    public List<string> Roles { get; set; } = [];

    /// <summary>Only đảng viên (party members, from the roster's dang_vien column).</summary>
    public bool PartyMembersOnly { get; set; }

    public DateTime? SendAt { get; set; }

    public int Page { get; set; }

    public DateTime UpdatedAt { get; set; }

    public CampaignRequest ToRequest() => new(
        LessonId,
        Text,
        new AudienceRequest(All ? null : Units, IncludeSubUnits, Roles, null, All, PartyMembersOnly),
        SendAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null);
}
