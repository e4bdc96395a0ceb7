using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Directive920Bot.Emulator.Tests;

public sealed class CallbackQueryTests : EmulatorTestBase
{
    private static InlineKeyboardMarkup Keyboard(string data) => new([[InlineKeyboardButton.WithCallbackData("Go", data), InlineKeyboardButton.WithUrl("Docs", "https://example.com")]]);

    [Fact]
    public async Task Callback_data_of_64_bytes_is_accepted_and_65_rejected()
    {
        await Bot.SendMessage(Alice, "ok", replyMarkup: Keyboard(new string('x', 62) + "é"));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Alice, "too long", replyMarkup: Keyboard(new string('x', 63) + "é")));
        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", error.Message);
    }

    [Fact]
    public async Task Pressing_a_button_delivers_a_callback_query_and_records_the_answer()
    {
        var sent = await Bot.SendMessage(Alice, "Choose", replyMarkup: Keyboard("pick:1"));
        var queryId = Emulator.PressButton(Alice, sent.Id, "pick:1");

        var update = Assert.Single(await DrainUpdatesAsync());
        Assert.Equal(UpdateType.CallbackQuery, update.Type);
        Assert.Equal(queryId, update.CallbackQuery!.Id);
        Assert.Equal("pick:1", update.CallbackQuery.Data);
        Assert.Equal(sent.Id, update.CallbackQuery.Message!.Id);
        Assert.False(string.IsNullOrEmpty(update.CallbackQuery.ChatInstance));

        await Bot.AnswerCallbackQuery(queryId, "Done", showAlert: true);
        var answer = Emulator.GetCallbackAnswer(queryId)!;
        Assert.True(answer.Answered);
        Assert.Equal("Done", answer.Text);
        Assert.True(answer.ShowAlert);
    }

    [Fact]
    public async Task Answering_a_callback_twice_is_rejected()
    {
        var sent = await Bot.SendMessage(Alice, "Choose", replyMarkup: Keyboard("a"));
        var queryId = Emulator.PressButton(Alice, sent.Id, "a");
        await Bot.AnswerCallbackQuery(queryId);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.AnswerCallbackQuery(queryId));
        Assert.Equal("Bad Request: query is too old and response timeout expired or query ID is invalid", error.Message);
        Assert.Equal(2, Emulator.GetCallbackAnswer(queryId)!.AnswerCount);
        await Assert.ThrowsAsync<ApiRequestException>(() => Bot.AnswerCallbackQuery("no-such-query"));
    }

    [Fact]
    public async Task Pressing_a_button_that_does_not_exist_throws()
    {
        var sent = await Bot.SendMessage(Alice, "Choose", replyMarkup: Keyboard("a"));
        Assert.Throws<InvalidOperationException>(() => Emulator.PressButton(Alice, sent.Id, "b"));
    }
}
