using Directive920Bot.Emulator;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Reports;

/// <summary>Drives the bloc admin's /broadcast dialogue through the real bot, step by step.</summary>
public static class BroadcastKit
{
    public const long SnvCadre = 7101;
    public const long StcCadre = 7102;

    /// <summary>The service with the (registered) super-admin and one registered cadre in SNV-VP and one in STC-VP.</summary>
    public static async Task<BotHarness> StartAsync()
    {
        var bot = await ReportsTestSupport.StartAsync();
        await bot.RegisterAsync(ReportsTestSupport.BlocAdmin, "Trần Quản Trị", "KHOI");
        await bot.RegisterAsync(SnvCadre, "Đặng Thị Hằng", "SNV-VP");
        await bot.RegisterAsync(StcCadre, "Bùi Văn Hiếu", "STC-VP");
        return bot;
    }

    /// <summary>/broadcast → "Thông báo" → the text; returns the audience question.</summary>
    public static async Task<ChatMessage> StartTextAsync(BotHarness bot, string text)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var menu = await bot.SayAsync(ReportsTestSupport.BlocAdmin, "/broadcast");
        await bot.PressAndExpectReplyAsync(ReportsTestSupport.BlocAdmin, menu, "Thông báo");
        return await bot.SayAsync(ReportsTestSupport.BlocAdmin, text);
    }

    /// <summary>From the audience question: one unit (without sub-units when asked), all roles; returns the time question.</summary>
    public static async Task<ChatMessage> ChooseUnitAsync(BotHarness bot, ChatMessage audience, string unitName, bool subUnits = true)
    {
        ArgumentNullException.ThrowIfNull(bot);
        const long admin = ReportsTestSupport.BlocAdmin;
        var page = await bot.PressAndExpectReplyAsync(admin, audience, "Chọn đơn vị");
        while (!bot.Current(admin, page.MessageId).Buttons.SelectMany(r => r).Any(b => b.Text.TrimStart('✅', ' ', '·') == unitName))
        {
            await bot.PressAsync(admin, bot.Current(admin, page.MessageId), "Sau");
        }

        await bot.PressAsync(admin, bot.Current(admin, page.MessageId), unitName);
        Assert.Contains(unitName, bot.Current(admin, page.MessageId).Text, StringComparison.Ordinal);
        if (!subUnits)
        {
            await bot.PressAsync(admin, bot.Current(admin, page.MessageId), "Gồm đơn vị trực thuộc");
        }

        var roles = await bot.PressAndExpectReplyAsync(admin, bot.Current(admin, page.MessageId), "Tiếp tục");
        return await bot.PressAndExpectReplyAsync(admin, roles, "Tất cả");
    }

    /// <summary>The preview messages (what cadres will get) and the summary with the confirm button.</summary>
    public static (IReadOnlyList<ChatMessage> Preview, ChatMessage Summary) PreviewOf(BotHarness bot, ChatMessage summary)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(summary);
        var messages = bot.BotMessages(ReportsTestSupport.BlocAdmin);
        var header = messages.Last(m => m.Text?.StartsWith("👁", StringComparison.Ordinal) == true);
        return (messages.Where(m => m.MessageId > header.MessageId && m.MessageId < summary.MessageId).ToList(), summary);
    }

    /// <summary>Waits until <paramref name="chatId"/> has a bot message matching <paramref name="match"/> (sent before or after the call).</summary>
    public static async Task<ChatMessage> ReceivedAsync(BotHarness bot, long chatId, Func<ChatMessage, bool> match)
    {
        ArgumentNullException.ThrowIfNull(bot);
        await bot.Emulator.WaitUntilAsync(() => bot.BotMessages(chatId).Any(match), BotHarness.Wait);
        return bot.BotMessages(chatId).First(match);
    }

    public static bool IsSummary(ChatMessage message) => message?.Text?.Contains("Tóm tắt", StringComparison.Ordinal) == true;
}
