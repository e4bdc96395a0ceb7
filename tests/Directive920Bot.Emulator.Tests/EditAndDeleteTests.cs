using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.ReplyMarkups;

namespace Directive920Bot.Emulator.Tests;

public sealed class EditAndDeleteTests : EmulatorTestBase
{
    [Fact]
    public async Task Editing_with_identical_text_and_markup_is_not_modified()
    {
        var sent = await Bot.SendMessage(Alice, "same");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.EditMessageText(Alice, sent.Id, "same"));
        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith("Bad Request: message is not modified", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edits_replace_the_transcript_state_and_count()
    {
        var sent = await Bot.SendMessage(Alice, "v1");
        await Bot.EditMessageText(Alice, sent.Id, "v2", replyMarkup: new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("x", "x")]]));
        await Bot.EditMessageReplyMarkup(Alice, sent.Id);

        var message = Assert.Single(Emulator.Transcript(Alice));
        Assert.Equal("v2", message.Text);
        Assert.Empty(message.Buttons);
        Assert.Equal(2, message.EditCount);
    }

    [Fact]
    public async Task Deleting_flags_the_message_and_later_edits_find_nothing()
    {
        var sent = await Bot.SendMessage(Alice, "bye");
        await Bot.DeleteMessage(Alice, sent.Id);

        Assert.True(Assert.Single(Emulator.Transcript(Alice)).Deleted);
        var edit = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.EditMessageText(Alice, sent.Id, "x"));
        Assert.Equal("Bad Request: message to edit not found", edit.Message);
        var delete = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.DeleteMessage(Alice, sent.Id));
        Assert.Equal("Bad Request: message to delete not found", delete.Message);
    }
}
