using System.Globalization;
using System.Text;
using Directive920Bot.Content;
using Directive920Bot.Engagement;
using static Directive920Bot.Implementation.CommitmentTexts;

namespace Directive920Bot.Implementation;

/// <summary>The cadre's commitments of the year in <c>/progress</c>, with their self-assessments.</summary>
internal sealed class CommitmentProgressSection(CommitmentService service) : IProgressSection
{
    public string? Html(long personId, string language)
    {
        var year = service.CurrentYear;
        if (service.Find(year, personId) is not { Items.Count: > 0 } commitment)
        {
            return null;
        }

        var text = new StringBuilder(ProgressTitle.Format(language, year.ToString(CultureInfo.InvariantCulture)));
        foreach (var item in commitment.Items)
        {
            text.Append("\n• ").Append(item.RequirementId).Append(": ").Append(TelegramHtml.Escape(item.Text));
            var latest = item.YearEnd ?? item.MidYear;
            if (latest is not null)
            {
                text.Append(" (").Append(CommitmentService.AssessmentLabel(latest, language)).Append(')');
            }
        }

        return text.ToString();
    }
}
