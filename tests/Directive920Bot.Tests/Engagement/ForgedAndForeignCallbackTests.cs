using Directive920Bot.Delivery;
using Directive920Bot.Engagement;
using static Directive920Bot.Tests.Engagement.EngagementKit;

namespace Directive920Bot.Tests.Engagement;

public sealed class ForgedAndForeignCallbackTests
{
    [Fact]
    public async Task Forged_foreign_and_dangling_keys_record_nothing()
    {
        await using var bot = await StartAsync();
        var owner = await bot.RegisterAsync(2101);
        var other = await bot.RegisterAsync(2102, "Lê Văn Bình");
        var (row, message) = await DeliverAsync(bot, owner, Lesson1);
        var realKey = message.Buttons.SelectMany(b => b).Single().CallbackData!;

        // Forged: callback data that no server-side key stands for, and one longer than Telegram allows.
        await RouteCallbackAsync(bot, owner.Id, "AAAAAAAAAAAAAAAA", message.MessageId);
        await RouteCallbackAsync(bot, owner.Id, new string('x', 80), message.MessageId);
        // Foreign: the owner's real key pressed by someone else.
        await RouteCallbackAsync(bot, other.Id, realKey, message.MessageId);
        // Dangling: a well-formed key for a delivery that does not exist, issued to the presser.
        await RouteCallbackAsync(bot, other.Id, Key(bot, other.Id, AcknowledgementService.AckAction, "t:c1-context:999999"));
        // A key of the owner's that names the other person's delivery (as if a payload were tampered with server-side).
        var otherRow = LessonRow(bot, other, Lesson2);
        bot.Get<DeliveryLedger>().Enqueue([otherRow]);
        await WaitSentAsync(bot, otherRow.Id);
        await RouteCallbackAsync(bot, owner.Id, Key(bot, owner.Id, AcknowledgementService.AckAction, otherRow.Id));

        Assert.Equal(0, bot.Get<IAcknowledgements>().Count());
        Assert.NotEmpty(bot.Current(owner.Id, message.MessageId).Buttons);
        Assert.DoesNotContain("Đã xác nhận", bot.Current(owner.Id, message.MessageId).Text, StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Sent, bot.Get<DeliveryLedger>().Find(row.Id)!.State);
    }

    [Fact]
    public async Task A_key_whose_item_was_withdrawn_gets_a_clear_answer_and_records_nothing()
    {
        var content = CopyContent();
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["Content:Path"] = content });
        var cadre = await bot.RegisterAsync(2103);
        var (_, message) = await DeliverAsync(bot, cadre, Lesson3);

        File.Delete(Path.Combine(content, "lessons", "vi", "08-staff-political-will.md"));
        File.Delete(Path.Combine(content, "lessons", "en", "08-staff-political-will.md"));
        EditCurriculum(content, c => c.Replace("  - s1-political-will-ethics\n", "", StringComparison.Ordinal));
        Assert.False(bot.Get<Directive920Bot.Content.ContentService>().Reload().HasErrors);

        var answer = await PressAsync(bot, cadre.Id, message.MessageId, AckLabel);

        Assert.Contains("gỡ bỏ", answer, StringComparison.Ordinal);
        Assert.Equal(0, bot.Get<IAcknowledgements>().Count());
    }

    private static void EditCurriculum(string content, Func<string, string> change) => Edit(content, "curriculum.yaml", change);
}
