using Directive920Bot.Content;
using Directive920Bot.Delivery;

namespace Directive920Bot.Engagement;

public sealed class EngagementPolicyResolver(ContentService content, IEnumerable<ICampaignEngagementSource> campaigns)
{
    public EngagementPolicy Default
    {
        get
        {
            var c = content.Current.Curriculum;
            return new EngagementPolicy(c.QuizAfter, c.QuizMode, c.RequireQuizBeforeAck, c.ReminderAfterWorkingHours, c.MaxReminders);
        }
    }

    public EngagementPolicy For(DeliveryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return For(row.CampaignId);
    }

    public EngagementPolicy For(string? campaignId)
    {
        var policy = Default;
        if (campaignId is null)
        {
            return policy;
        }

        foreach (var source in campaigns)
        {
            if (source.Find(campaignId) is { } c)
            {
                policy = policy with
                {
                    QuizMode = c.QuizMode ?? policy.QuizMode,
                    RequireQuizBeforeAck = c.RequireQuizBeforeAck ?? policy.RequireQuizBeforeAck,
                    ReminderAfterWorkingHours = c.ReminderAfterWorkingHours ?? policy.ReminderAfterWorkingHours,
                    MaxReminders = c.MaxReminders ?? policy.MaxReminders,
                };
            }
        }

        return policy;
    }
}
