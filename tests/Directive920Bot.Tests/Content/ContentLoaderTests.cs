using Directive920Bot.Content;

namespace Directive920Bot.Tests.Content;

public sealed class ContentLoaderTests
{
    [Fact]
    public void Loads_both_languages_with_zero_based_answers_and_curriculum()
    {
        using var content = new TempContent();
        var catalog = content.Load().Catalog!;

        Assert.Equal(["basics", "leaders-card", "welcome"], catalog.Items.Select(i => i.Id));
        Assert.Equal(["basics", "leaders-card"], catalog.Track.Select(i => i.Id));
        Assert.Equal(["welcome"], catalog.Announcements.Select(i => i.Id));
        Assert.Equal(["C1", "L1"], catalog.Clauses.Select(c => c.Id));

        var basics = catalog.Find("basics")!;
        Assert.Equal(ItemKind.Lesson, basics.Kind);
        Assert.Equal(Audience.All, basics.Audience);
        Assert.True(basics.RequireAck);
        Assert.Equal(2, basics.Minutes);
        Assert.Equal(["C1"], basics.Clauses);
        Assert.Equal([0], basics.For("vi").Quiz[0].Correct);
        Assert.Equal("11 May 2023", basics.For("en").Quiz[0].Options[basics.For("en").Quiz[0].Correct[0]]);
        Assert.StartsWith("<b>Bối cảnh Thông báo 920</b>\n\nNgày 11/5/2023", basics.For("vi").Html, StringComparison.Ordinal);
        Assert.Contains("• Aspiration", basics.For("en-US").Html, StringComparison.Ordinal);
        Assert.Equal("vi", basics.For("fr").Language);
        Assert.Equal("Bạn chưa xác nhận bài <i>Bối cảnh</i>.", basics.For("vi").ReminderHtml);

        var card = catalog.Find("leaders-card")!;
        Assert.Equal(ItemKind.Card, card.Kind);
        Assert.False(card.RequireAck);
        Assert.True(card.IsFor(isLeader: true));
        Assert.False(card.IsFor(isLeader: false));
        Assert.Null(card.For("en").ReminderHtml);
        Assert.Empty(catalog.Find("welcome")!.For("vi").Quiz);
        Assert.Null(catalog.Find("nope"));

        var c = catalog.Curriculum;
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], c.Days);
        Assert.Equal(new TimeOnly(8, 30), c.Time);
        Assert.Equal(("acknowledgement", "inline", false), (c.QuizAfter, c.QuizMode, c.RequireQuizBeforeAck));
        Assert.Equal((24, 2), (c.ReminderAfterWorkingHours, c.MaxReminders));
        Assert.Equal([1, 3, 7], c.ReviewIntervalsDays);
        Assert.Equal((DayOfWeek.Friday, new TimeOnly(15, 0), 5), (c.WeeklyReviewDay, c.WeeklyReviewTime, c.WeeklyReviewQuestions));
        Assert.Equal((new TimeOnly(21, 0), new TimeOnly(7, 0), true, true), (c.QuietStart, c.QuietEnd, c.QuietWeekends, c.QuietHolidays));
        Assert.Equal([(new DateOnly(2027, 1, 1), "Tết Dương lịch"), (new DateOnly(2027, 9, 2), "Quốc khánh")], c.Holidays.Select(h => (h.Date, h.Name)));
        Assert.Equal(["basics", "leaders-card"], c.Track);
    }

    [Fact]
    public void Hash_is_stable_and_changes_only_for_the_edited_item()
    {
        using var content = new TempContent();
        var first = content.Load().Catalog!;
        var again = content.Load().Catalog!;
        Assert.Equal(first.Find("basics")!.ContentHash, again.Find("basics")!.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", first.Find("basics")!.ContentHash);

        // Line endings are not a change; words are.
        var en = content.PathOf("lessons/en/01-basics.md");
        File.WriteAllText(en, File.ReadAllText(en).Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal(first.Find("basics")!.ContentHash, content.Load().Catalog!.Find("basics")!.ContentHash);

        File.AppendAllText(en, "\r\nOne more sentence.\r\n");
        var edited = content.Load().Catalog!;
        Assert.NotEqual(first.Find("basics")!.ContentHash, edited.Find("basics")!.ContentHash);
        Assert.Equal(first.Find("leaders-card")!.ContentHash, edited.Find("leaders-card")!.ContentHash);
    }

    [Fact]
    public void Decomposed_vietnamese_is_normalised_before_rendering()
    {
        using var content = new TempContent();
        var vi = content.PathOf("lessons/vi/01-basics.md");
        var composed = File.ReadAllText(vi);
        File.WriteAllText(vi, composed.Normalize(System.Text.NormalizationForm.FormD));
        var html = content.Load().Catalog!.Find("basics")!.For("vi").Html;
        Assert.Contains("Bối cảnh", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_track_lessons_follow_their_order()
    {
        using var content = new TempContent();
        var curriculum = content.PathOf("curriculum.yaml");
        File.WriteAllLines(curriculum, File.ReadAllLines(curriculum).Where(l => !l.StartsWith("track:", StringComparison.Ordinal)));
        var catalog = content.Load().Catalog!;
        Assert.Equal(["basics", "leaders-card"], catalog.Track.Select(i => i.Id));
    }

    [Fact]
    public void Audience_decides_who_gets_an_item()
    {
        static ContentItem Item(Audience audience) => new("x", ItemKind.Lesson, 1, ["C1"], audience, 1, true, "", new Dictionary<string, ItemText>());
        Assert.True(Item(Audience.All).IsFor(true) && Item(Audience.All).IsFor(false));
        Assert.True(Item(Audience.Leaders).IsFor(true) && !Item(Audience.Leaders).IsFor(false));
        Assert.True(!Item(Audience.Staff).IsFor(true) && Item(Audience.Staff).IsFor(false));
    }
}
