namespace Directive920Bot.Delivery;

/// <summary>Engagement reads these from the campaign: reminders after N working hours, at most Max of them.</summary>
public sealed class CampaignReminders
{
    public int? AfterWorkingHours { get; set; }

    public int? Max { get; set; }
}
