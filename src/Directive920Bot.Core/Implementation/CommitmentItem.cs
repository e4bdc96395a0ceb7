namespace Directive920Bot.Implementation;

/// <summary>One commitment ("Tôi cam kết …") on one staff requirement (S1–S3) and its self-assessments.</summary>
public sealed class CommitmentItem
{
    public string RequirementId { get; set; } = "";

    public string Text { get; set; } = "";

    public SelfAssessment? MidYear { get; set; }

    public SelfAssessment? YearEnd { get; set; }

    public SelfAssessment? For(CommitmentRound round) => round == CommitmentRound.MidYear ? MidYear : YearEnd;
}
