using Directive920Bot.Admin;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Tests.Delivery;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Content;

/// <summary>Lessons are numbered within the cadre's own track: a staff member reads Bài 1, 2, 3 …, never 1, 2, 8 (#14 §3).</summary>
public sealed class TrackNumberingTests
{
    [Fact]
    public async Task A_staff_member_reads_the_first_staff_lesson_as_bai_3_and_a_leader_reads_it_as_bai_8()
    {
        await using var bot = await BotHarness.StartAsync(DeliveryKit.Settings());
        bot.Seed(41, "SNV-VP");
        bot.Seed(42, "SNV-VP", leader: true);
        bot.Seed(43, "SNV-VP", language: "en");

        var campaign = bot.Get<CampaignService>().Create(
            new CampaignRequest("s1-political-will-ethics", null, new AudienceRequest(["SNV-VP"])), Actor.Console("test"));
        await bot.DrainAsync(campaign.Id);

        Assert.StartsWith("Bài 3. Bản lĩnh, đạo đức, lối sống", bot.BotMessages(41).Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Bài 8. Bản lĩnh, đạo đức, lối sống", bot.BotMessages(42).Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Lesson 3. Political will", bot.BotMessages(43).Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_track_numbers_its_lessons_one_to_n_without_gaps()
    {
        await using var bot = await BotHarness.StartAsync();
        var catalog = bot.Get<ContentService>().Current;

        foreach (var leader in new[] { true, false })
        {
            var lessons = catalog.Track.Where(i => i.Kind == ItemKind.Lesson && i.IsFor(leader)).ToList();
            Assert.Equal(Enumerable.Range(1, lessons.Count), lessons.Select(l => catalog.LessonNumber(l, leader)!.Value));
        }

        var staffOnly = catalog.Track.Where(i => i.Kind == ItemKind.Lesson && i.IsFor(false)).ToList();
        Assert.Equal(10, staffOnly.Count); // 15 lessons, 5 of them for leaders only
        Assert.Null(catalog.LessonNumber(catalog.Find("l1-leadership-propaganda")!, isLeader: false));
        Assert.Null(catalog.LessonNumber(catalog.Find("card-staff")!, isLeader: false));
    }
}
