namespace Directive920Bot.Implementation;

/// <summary>A requirement of the notice units report on: a course item for leaders (L1–L5) or staff (S1–S3).</summary>
public sealed record Requirement(string Id, string Audience, string TitleVi, string TitleEn)
{
    public string Title(string? language) => language == "en" ? TitleEn : TitleVi;
}
