using Directive920Bot.Delivery;
using Directive920Bot.Localization;

namespace Directive920Bot.WebConsole;

public sealed record CampaignRow(string Id, string Title, string When, string Status, CampaignProgress Progress, string CreatedBy);

public sealed record CampaignsModel(IReadOnlyList<CampaignRow> Rows, bool ApprovalRequired);

public sealed record UnitChoice(string Code, string Name, int Depth);

public sealed record LessonChoice(string Id, string Title);

public sealed record PreviewPart(string Html, IReadOnlyList<IReadOnlyList<string>> Buttons);

public sealed record PreviewMessage(string Language, IReadOnlyList<PreviewPart> Parts);

/// <summary>What the preview fragment shows: the composed message per language, and how many people it goes to (null: audience not valid yet).</summary>
public sealed record CampaignPreviewModel(IReadOnlyList<PreviewMessage> Messages, int? AudienceCount);

public sealed record CampaignNewModel(CampaignForm Form, IReadOnlyDictionary<string, Loc> Errors, IReadOnlyList<UnitChoice> Units,
    IReadOnlyList<LessonChoice> Lessons, CampaignPreviewModel? Preview, Loc? Notice, int? NoticeCount, bool CanSendToAll, bool ApprovalRequired);

/// <summary>The live figures of a campaign (the fragment the page polls, and the page's own copy without script).</summary>
public sealed record CampaignProgressModel(string Id, string Status, CampaignProgress Progress)
{
    /// <summary>Rows no longer waiting, against all rows expanded so far (0 before the first occurrence).</summary>
    public int Percent => Progress.Expanded == 0 ? 0 : (int)Math.Floor((Progress.Expanded - Progress.Remaining) * 100.0 / Progress.Expanded);

    /// <summary>Nothing will change any more without someone acting: the script stops asking.</summary>
    public bool Final => Status is "completed" or "cancelled";
}

public sealed record RecipientRow(string Name, string Unit, string State, string? Error, string? SentAt);

public sealed record CampaignPageModel(string Id, string Title, string When, string? Recurrence, string Audience, string CreatedBy, string? ApprovedBy,
    CampaignProgressModel Progress, IReadOnlyList<RecipientRow> Recipients, string? State, int Page, int Pages,
    bool CanApprove, bool CanCancel, bool CanResend, string AsOf, Loc? Notice, int? NoticeCount);
