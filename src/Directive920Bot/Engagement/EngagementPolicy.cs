using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Engagement;

/// <summary>How one delivery is engaged with: the curriculum's defaults, overridden per campaign where it says so.</summary>
public sealed record EngagementPolicy(string QuizAfter, string QuizMode, bool RequireQuizBeforeAck, int ReminderAfterWorkingHours, int MaxReminders)
{
    public bool QuizAfterAcknowledgement => QuizAfter == "acknowledgement";

    public bool UsePolls => QuizMode == "poll";
}

/// <summary>A campaign's own choices; the delivery engine's campaigns are adapted to this at composition.</summary>
public interface ICampaignEngagementSource
{
    /// <summary>Null fields keep the curriculum's value.</summary>
    CampaignEngagement? Find(string campaignId);
}

public sealed record CampaignEngagement(string? QuizMode = null, bool? RequireQuizBeforeAck = null, int? ReminderAfterWorkingHours = null, int? MaxReminders = null);

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

public sealed class EngagementOptions
{
    public const string Section = "Engagement";

    /// <summary>Real-time seconds between reminder/review ticks; 0 switches the tick job off (tests drive the services).</summary>
    public int TickSeconds { get; set; } = 30;
}

internal sealed class EngagementOptionsValidator : IValidateOptions<EngagementOptions>
{
    public ValidateOptionsResult Validate(string? name, EngagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.TickSeconds is < 0 or > 3600
            ? ValidateOptionsResult.Fail($"{EngagementOptions.Section}:TickSeconds must be between 0 and 3600, was {options.TickSeconds}.")
            : ValidateOptionsResult.Success;
    }
}

/// <summary>Told about every new acknowledgement and first answer (reports keep counters with it).</summary>
public interface IEngagementObserver
{
    /// <summary>Called exactly once per acknowledgement, on the database writer, in the transaction that created it.</summary>
    void OnAcknowledged(Acknowledgement acknowledgement);

    void OnAnswered(QuizAnswer answer);
}

/// <summary>Told when an item is escalated to the unit's non-acknowledgement list.</summary>
public interface IEscalationSink
{
    void OnEscalated(Escalation escalation);
}
