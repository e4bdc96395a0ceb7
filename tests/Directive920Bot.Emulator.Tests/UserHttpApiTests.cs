using System.Net.Http.Json;
using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types.ReplyMarkups;

namespace Directive920Bot.Emulator.Tests;

public sealed class UserHttpApiTests : EmulatorTestBase
{
    private Uri Api(string path) => new(Emulator.BaseUrl, "_emulator/" + path);

    [Fact]
    public async Task A_user_added_and_texting_over_http_reaches_the_bot_and_reads_its_reply()
    {
        using (var created = await Http.PostAsJsonAsync(Api("users"), new { id = 2001, firstName = "Lan", languageCode = "vi" }))
        {
            created.EnsureSuccessStatusCode();
        }

        using (var sent = await Http.PostAsJsonAsync(Api("chats/2001/text"), new { text = "/start" }))
        {
            sent.EnsureSuccessStatusCode();
        }

        var update = Assert.Single(await DrainUpdatesAsync());
        Assert.Equal("/start", update.Message!.Text);
        await Bot.SendMessage(2001, "<i>Chào</i> Lan", Telegram.Bot.Types.Enums.ParseMode.Html, replyMarkup: new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("OK", "ok")]]));

        using var page = JsonDocument.Parse(await Http.GetStringAsync(Api("chats/2001/messages?after=0")));
        var messages = page.RootElement.GetProperty("messages");
        Assert.Equal(2, messages.GetArrayLength());
        Assert.Equal("Chào Lan", messages[1].GetProperty("text").GetString());
        var version = page.RootElement.GetProperty("version").GetInt64();
        using var none = JsonDocument.Parse(await Http.GetStringAsync(Api($"chats/2001/messages?after={version}")));
        Assert.Equal(0, none.RootElement.GetProperty("messages").GetArrayLength());
        Assert.Contains("\"id\":2001", await Http.GetStringAsync(Api("users")), StringComparison.Ordinal);
        Assert.Contains("sendMessage", await Http.GetStringAsync(Api("calls?last=5")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pressing_over_http_returns_the_bot_answer()
    {
        var sent = await Bot.SendMessage(Alice, "Q", replyMarkup: new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("Yes", "yes")]]));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var answering = Task.Run(async () =>
        {
            while (true)
            {
                var updates = await Bot.GetUpdates(timeout: 5, cancellationToken: cts.Token);
                if (updates.FirstOrDefault(u => u.CallbackQuery is not null) is { } u)
                {
                    await Bot.AnswerCallbackQuery(u.CallbackQuery!.Id, "Đã lưu", cancellationToken: cts.Token);
                    return;
                }
            }
        });

        using var response = await Http.PostAsJsonAsync(Api("chats/1001/press"), new { messageId = sent.Id, callbackData = "yes" });
        await answering;
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("answered").GetBoolean());
        Assert.Equal("Đã lưu", body.RootElement.GetProperty("text").GetString());
    }
}
