using System.Net.Http.Json;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

public sealed class ReacknowledgementTests
{
    [Fact]
    public async Task After_a_content_change_staff_ask_again_and_the_new_acknowledgement_carries_the_new_hash()
    {
        var content = CopyContent();
        await using var bot = await StartAsync(new Dictionary<string, string?>
        {
            ["Content:Path"] = content,
            ["Admin:ApiKeys:propaganda"] = "bloc-key-123-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js",
            ["Admin:ApiKeys:unit:Key"] = "unit-key-456-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js",
            ["Admin:ApiKeys:unit:Role"] = "UnitAdmin",
            ["Admin:ApiKeys:unit:Units:0"] = "SNV",
        });
        var acked = await bot.RegisterAsync(2501);
        var waiting = await bot.RegisterAsync(2502, "Phạm Thị Cúc");
        var (oldRow, lesson) = await DeliverAsync(bot, acked, Lesson1);
        await DeliverAsync(bot, waiting, Lesson1);
        await PressAsync(bot, acked.Id, lesson.MessageId, AckLabel);
        var oldHash = oldRow.ContentHash!;

        Edit(content, "lessons/vi/01-context.md", c => c.Replace("Ban Thường vụ Tỉnh ủy đối thoại", "Ban Thường vụ Tỉnh ủy tổ chức đối thoại", StringComparison.Ordinal));
        Assert.False(bot.Get<ContentService>().Reload().HasErrors);
        var newHash = bot.Get<ContentService>().Current.Find(Lesson1)!.ContentHash;
        Assert.NotEqual(oldHash, newHash);

        using var http = new HttpClient { BaseAddress = bot.WebUrl };
        using var unitRequest = new HttpRequestMessage(HttpMethod.Post, $"api/items/{Lesson1}/reack") { Content = JsonContent.Create(new { note = "Sửa cách diễn đạt." }) };
        unitRequest.Headers.Authorization = new("Bearer", "unit-key-456-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.SendAsync(unitRequest)).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/items/{Lesson1}/reack") { Content = JsonContent.Create(new { note = "Bổ sung: Ban Thường vụ Tỉnh ủy tổ chức buổi đối thoại." }) };
        request.Headers.Authorization = new("Bearer", "bloc-key-123-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js");
        var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var audit = Assert.Single(bot.Get<Directive920Bot.Admin.AuditLog>().Recent(), e => e.Action == "item.reack");
        Assert.Equal((Lesson1, "1 enqueued (api:propaganda)"), (audit.Target, audit.Details));

        // Only the cadre whose acknowledgement is of the old text is asked again; the one still waiting keeps their row.
        var lessonRows = new[] { acked.Id, waiting.Id }.SelectMany(bot.Get<DeliveryLedger>().ForSubscriber).Where(r => r.ItemId == Lesson1);
        var reackRow = Assert.Single(lessonRows, r => r.OccurrenceId.StartsWith("ra:", StringComparison.Ordinal));
        Assert.Equal(acked.Id, reackRow.SubscriberId);
        var (_, note) = await WaitSentAsync(bot, reackRow.Id);
        Assert.Contains("Nội dung đã được cập nhật", note.Text, StringComparison.Ordinal);
        Assert.Contains("Bổ sung: Ban Thường vụ", note.Text, StringComparison.Ordinal);
        Assert.Contains("tổ chức đối thoại", note.Text, StringComparison.Ordinal);

        bot.Clock.Advance(TimeSpan.FromHours(1));
        await PressAsync(bot, acked.Id, note.MessageId, AckLabel);

        var acks = bot.Get<IAcknowledgements>().ForItem(Lesson1);
        Assert.Equal(2, acks.Count);
        Assert.Single(acks, a => a.ContentHash == oldHash);
        Assert.Single(acks, a => a.ContentHash == newHash && a.DeliveryId == reackRow.Id);

        Assert.True(acks.Single(a => a.ContentHash == newHash).Reacknowledgement);
        Assert.False(acks.Single(a => a.ContentHash == oldHash).Reacknowledgement);

        // Reports tell the rounds apart: two first deliveries and one acknowledgement of the old text, one request to
        // acknowledge the new text and one re-acknowledgement — nobody is counted twice.
        var reports = bot.Get<Directive920Bot.Reports.ReportService>();
        await bot.Emulator.WaitUntilAsync(() => reports.Item(Lesson1, ["SNV-VP"]).SingleOrDefault().Figures?.ReackRequested == 1, Infrastructure.BotHarness.Wait);
        using var reportRequest = new HttpRequestMessage(HttpMethod.Get, $"api/reports/items/{Lesson1}");
        reportRequest.Headers.Authorization = new("Bearer", "bloc-key-123-k7Qx9Zp2Lm4Vn8Rt3Wy6Bc1Df5Gh0Js");
        var report = await (await http.SendAsync(reportRequest)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var figures = report.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unit").GetString() == "SNV-VP").GetProperty("figures");
        Assert.Equal(2, figures.GetProperty("delivered").GetInt32());
        Assert.Equal(1, figures.GetProperty("acknowledged").GetInt32());
        Assert.Equal(1, figures.GetProperty("reackRequested").GetInt32());
        Assert.Equal(1, figures.GetProperty("reacknowledged").GetInt32());

        // Asking again changes nothing: everyone who had acknowledged has acknowledged the current text.
        Assert.Equal(0, bot.Get<ReackService>().Request(Lesson1, "again").Enqueued);
    }
}
