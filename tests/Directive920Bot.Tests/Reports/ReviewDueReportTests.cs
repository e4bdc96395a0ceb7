using Directive920Bot.Engagement;
using Directive920Bot.Reports;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Reports;

public sealed class ReviewDueReportTests
{
    [Fact]
    public async Task A_unit_report_counts_each_member_with_an_open_review_once_and_rolls_up()
    {
        await using var bot = await BotHarness.StartAsync();
        var reviews = bot.Get<IReviews>();
        var storage = bot.Get<Directive920Bot.Storage.IStorage>();
        storage.Write(tx => reviews.Save(tx, new ReviewItem { Id = "501:c1:q1", SubscriberId = 501, ItemId = "c1", QuestionId = "q1", UnitCode = "SNV-VP" }));
        storage.Write(tx => reviews.Save(tx, new ReviewItem { Id = "501:c1:q2", SubscriberId = 501, ItemId = "c1", QuestionId = "q2", UnitCode = "SNV-VP" }));
        storage.Write(tx => reviews.Save(tx, new ReviewItem { Id = "502:c1:q1", SubscriberId = 502, ItemId = "c1", QuestionId = "q1", UnitCode = "SNV-VP", Resolved = true }));
        storage.Write(tx => reviews.Save(tx, new ReviewItem { Id = "503:c2:q1", SubscriberId = 503, ItemId = "c2", QuestionId = "q1", UnitCode = "SNV-CCVC" }));

        var service = bot.Get<ReportService>();

        Assert.Equal(1, service.Unit("SNV-VP")!.ReviewDue);
        Assert.Equal(2, service.Unit("SNV")!.ReviewDue);
        Assert.Equal(0, service.Unit("STC")!.ReviewDue);
        Assert.Equal(2, service.Units(["KHOI", "SNV"]).Single(u => u.Code == "SNV").ReviewDue);
    }
}
