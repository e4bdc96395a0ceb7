using Directive920Bot.Channels;
using Directive920Bot.Localization;

namespace Directive920Bot.Zalo;

/// <summary>
/// The Zalo half of inbound routing: a Zalo update becomes a Core value for the shared <see cref="InboundRouter"/>, and
/// a typed reply to the numbered choices last offered (<see cref="ZaloSender.OfferTo"/>) becomes the button press or
/// quiz answer it stands for, through the same handlers, so with the same idempotency and the same records. A wrong
/// number, or free text while a quiz question waits, gets a polite hint and changes nothing. Only private chats count:
/// a group's messages say nothing about a person.
/// </summary>
public sealed class ZaloRouter(InboundRouter router, ZaloSender sender)
{
    private static readonly Loc WrongNumber = new(
        "Số đồng chí gõ không có trong các lựa chọn. Đồng chí vui lòng trả lời bằng một số từ 1 đến {0}.",
        "That number is not one of the choices. Please reply with a number from 1 to {0}.");

    private static readonly Loc QuizWaiting = new(
        "Câu hỏi đang chờ đồng chí trả lời bằng một số từ 1 đến {0}. Gõ /trogiup để xem các lệnh khác.",
        "The question is waiting for a number from 1 to {0}. Type /help for other commands.");

    private static readonly Loc AlreadyAnswered = new(
        "Đồng chí đã trả lời câu hỏi này (phương án {0}); câu trả lời đầu tiên được giữ.",
        "You have answered this question already (option {0}); the first answer is kept.");

    private static readonly Loc Right = new("Đúng rồi!", "Correct!");

    private static readonly Loc NotRight = new("Chưa đúng. Đáp án đúng là {0}.", "Not quite. The right answer is {0}.");

    public async Task RouteAsync(ZaloUpdate update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Message is not { } message || message.Chat.ChatType != ZaloChat.Private)
        {
            return;
        }

        var address = new ChannelAddress(ChannelNames.Zalo, message.From?.Id ?? message.Chat.Id);
        var context = router.ContextFor(address, null, sender);
        sender.RememberProvisional(context.PersonId, address);
        var messageId = ZaloSender.MessageIdOf(message.MessageId);

        // A sticker, a photo or an unsupported message is handled like text the bot cannot use (as on Telegram).
        var text = update.EventName == ZaloUpdate.TextReceived ? message.Text ?? "" : "";
        if (text.StartsWith('/'))
        {
            await router.OnCommandAsync(context, new InboundText(text, messageId), ct);
            return;
        }

        // A link code typed alone is eight digits, never a choice: it goes on to the link handler (Registration/LinkHandler).
        if (sender.OfferTo(context.PersonId) is { Choices.Count: > 0 } offer && text.Length > 0 && Registration.LinkCodes.Normalise(text) is null)
        {
            var read = TypedReply.Read(text, [.. offer.Choices.Select(c => c.Label)]);
            switch (read.Kind)
            {
                case TypedReplyKind.Choice:
                    await ChooseAsync(context, offer, read.Index, ct);
                    return;
                case TypedReplyKind.WrongNumber:
                    await context.ReplyAsync(WrongNumber.Format(context.Language, offer.Choices.Count), ct);
                    return;
                case TypedReplyKind.NotAChoice when offer.QuizWaiting() && context.Subscriber?.Conversation is null:
                    await context.ReplyAsync(QuizWaiting.Format(context.Language, offer.Choices.Count), ct);
                    return;
            }
        }

        await router.OnTextAsync(context, new InboundText(text, messageId), ct);
    }

    /// <summary>The one reply a person over the input limit gets in a window (<see cref="InputThrottle"/>); nothing is handled.</summary>
    public async Task NoticeAsync(ChannelAddress address, CancellationToken ct)
    {
        var context = router.ContextFor(address, null, sender);
        sender.RememberProvisional(context.PersonId, address);
        await context.ReplyAsync(InboundRouter.TooMuchInput, ct);
    }

    private async Task ChooseAsync(BotContext context, OfferedChoices offer, int index, CancellationToken ct)
    {
        var choice = offer.Choices[index];
        if (choice.PollId is { } pollId)
        {
            if (offer.AnswerOf(pollId) is { } answered)
            {
                await context.ReplyAsync(AlreadyAnswered.Format(context.Language, answered + 1), ct);
                return;
            }

            await router.OnQuizAnswerAsync(new InboundQuizAnswer(context.PersonId, pollId, [choice.Option]), ct);
            await sender.MarkAnsweredAsync(offer, index);
            // What a quiz poll shows by itself on Telegram: right or wrong, and the explanation.
            var right = offer.Choices.FindIndex(c => c.PollId == pollId && c.Correct);
            var verdict = choice.Correct ? Right.For(context.Language) : NotRight.Format(context.Language, right + 1);
            await context.ReplyAsync(TelegramEscape(choice.Explanation is { Length: > 0 } why ? verdict + "\n" + why : verdict), ct);
            return;
        }

        var reply = await router.OnPressAsync(context, choice.CallbackKey, () => new ButtonPress(choice.CallbackKey ?? "", choice.MessageId), ct);
        if (!string.IsNullOrWhiteSpace(reply.Text))
        {
            // Telegram shows a press's answer as a toast or an alert; Zalo has neither, so it is a message.
            await context.ReplyAsync(TelegramEscape(reply.Text), ct);
        }
    }

    // Replies are HTML for every channel; ZaloText decodes it again, so plain text is escaped on the way in.
    private static string TelegramEscape(string text) => System.Net.WebUtility.HtmlEncode(text);
}
