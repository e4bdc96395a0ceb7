using Directive920Bot.Delivery;
using Directive920Bot.Reports;
using Directive920Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>Campaigns, drip-track positions, broadcast drafts and nudge marks: stored whole, found by what the features ask.</summary>
public abstract partial class StorageContract
{
    private static Campaign CampaignOf(string id, CampaignStatus status, int? nextInMinutes, int createdMinutes) => new()
    {
        Id = id,
        Text = "Học tập Thông báo 920-TB/TU",
        RequireAck = true,
        Audience = new CampaignAudience { Units = ["SNV", "STC"], Roles = ["Leader"], SubscriberIds = [7, 8] },
        Cron = "0 8 * * 1",
        Reminders = new CampaignReminders { AfterWorkingHours = 24, Max = 2 },
        Status = status,
        NextOccurrenceAt = nextInMinutes is { } m ? Monday.AddMinutes(m) : null,
        CreatedBy = "bot:1",
        CreatedAt = Monday.AddMinutes(createdMinutes),
    };

    [SkippableFact]
    public async Task Campaigns_are_stored_whole_and_the_due_ones_are_the_scheduled_ones_whose_time_came()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var campaigns = store.GetRequiredService<ICampaigns>();
        var versionBefore = campaigns.Version;
        await storage.WriteAsync(tx =>
        {
            campaigns.Insert(tx, CampaignOf("early", CampaignStatus.Scheduled, 10, 1));
            campaigns.Insert(tx, CampaignOf("late", CampaignStatus.Scheduled, 90, 2));
            campaigns.Insert(tx, CampaignOf("gone", CampaignStatus.Cancelled, 5, 3));
        });
        var late = campaigns.Find("late")!;
        late.NextOccurrenceAt = Monday.AddMinutes(20);
        await storage.WriteAsync(tx => campaigns.Update(tx, late));

        Assert.True(campaigns.Version > versionBefore);
        Assert.Equal(["gone", "late", "early"], campaigns.All().Select(c => c.Id));
        Assert.Equal(["early", "late"], campaigns.Due(Monday.AddMinutes(30)).Select(c => c.Id));
        Assert.Equal(["early"], campaigns.Due(Monday.AddMinutes(15)).Select(c => c.Id));
        Assert.Equal(Monday.AddMinutes(10), campaigns.NextOccurrence()!.Value.ToUniversalTime());
        var read = campaigns.Find("early")!;
        Assert.Equal(["SNV", "STC"], read.Audience.Units);
        Assert.Equal((24, "0 8 * * 1", true), (read.Reminders!.AfterWorkingHours, read.Cron, read.RequireAck));
        Assert.Equal([7L, 8L], read.Audience.SubscriberIds);
        Assert.Null(campaigns.Find("none"));
    }

    [SkippableFact]
    public async Task Campaigns_found_together_are_those_of_the_ids_that_exist_each_once_and_whole()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var campaigns = store.GetRequiredService<ICampaigns>();
        await storage.WriteAsync(tx =>
        {
            campaigns.Insert(tx, CampaignOf("early", CampaignStatus.Scheduled, 10, 1));
            campaigns.Insert(tx, CampaignOf("late", CampaignStatus.Expanded, null, 2));
            campaigns.Insert(tx, CampaignOf("other", CampaignStatus.Scheduled, 5, 3));
        });

        var found = campaigns.FindMany(["late", "none", "early", "late"]);

        Assert.Equal(["early", "late"], found.Select(c => c.Id).Order(StringComparer.Ordinal));
        var late = found.Single(c => c.Id == "late");
        Assert.Equal((CampaignStatus.Expanded, "Học tập Thông báo 920-TB/TU", 2), (late.Status, late.Text, late.Reminders!.Max));
        Assert.Empty(campaigns.FindMany([]));
        Assert.Empty(campaigns.FindMany(["none"]));
    }

    [SkippableFact]
    public async Task A_track_position_and_a_broadcast_draft_are_kept_per_person_and_replaced_whole()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var tracks = store.GetRequiredService<ITrackPositions>();
        var drafts = store.GetRequiredService<IBroadcastDrafts>();
        await storage.WriteAsync(tx =>
        {
            tracks.Save(tx, new TrackPosition { Id = 7, CurrentItemId = "lesson-1", CurrentRowId = "t:lesson-1:7", UpdatedAt = Monday });
            tracks.Save(tx, new TrackPosition { Id = 7, CurrentItemId = "lesson-2", Completed = true, UpdatedAt = Monday });
            tracks.Save(tx, new TrackPosition { Id = 8, CurrentItemId = "lesson-1", UpdatedAt = Monday });
            drafts.Save(tx, new BroadcastDraft { Id = 1, Text = "Nhắc học", Units = ["SNV"], SendAt = Monday, UpdatedAt = Monday });
        });
        await storage.WriteAsync(tx => tracks.Delete(tx, 8));

        Assert.Equal(("lesson-2", true, (string?)null), (tracks.Find(7)!.CurrentItemId, tracks.Find(7)!.Completed, tracks.Find(7)!.CurrentRowId));
        Assert.Null(tracks.Find(8));
        var draft = drafts.Find(1)!;
        Assert.Equal(("Nhắc học", "SNV", Monday), (draft.Text, draft.Units.Single(), draft.SendAt!.Value.ToUniversalTime()));
        Assert.True(await storage.WriteAsync(tx => drafts.Delete(tx, 1)));
        Assert.False(await storage.WriteAsync(tx => drafts.Delete(tx, 1)));
        Assert.Null(drafts.Find(1));
    }

    [SkippableFact]
    public async Task A_nudge_mark_is_added_once_and_the_second_attempt_writes_nothing()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var marks = store.GetRequiredService<INudgeMarks>();

        var first = await storage.WriteAsync(tx => marks.TryAdd(tx, new NudgeMark { Id = "SNV|lesson-1|2026-11-30", Actor = 1, At = Monday }));
        var again = await storage.WriteAsync(tx => marks.TryAdd(tx, new NudgeMark { Id = "SNV|lesson-1|2026-11-30", Actor = 2, At = Monday }));

        Assert.True(first);
        Assert.False(again);
    }
}
