using Directive920Bot.Channels;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Directive920Bot.Telegram;

/// <summary>
/// The Telegram implementation of <see cref="IChannelSender"/> and the only code that calls the Bot API to send, edit or
/// answer. Every send passes the <see cref="IOutboundGate"/>; raw results are returned so that callers (the delivery
/// ledger) decide what a failure means. Features address persons: each method resolves the person id to the person's
/// Telegram address first (<see cref="PersonDirectoryExtensions.AddressOn"/>); a person without one cannot be reached.
/// </summary>
public sealed class Messenger(
    ITelegramBotClient bot,
    IOutboundGate gate,
    ReplyBackoff backoff,
    IPersonDirectory directory,
    Hosting.BotMetrics metrics,
    [FromKeyedServices(Hosting.Clocks.Transport)] TimeProvider transport,
    ILogger<Messenger> log) : IChannelSender
{
    public const int InteractiveAttempts = 4;
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    // A person with no Telegram address (a Zalo-only cadre) is unreachable here, as a blocked chat is: nothing to retry.
    private static readonly SendResult NoAddress = new(false, Failure: SendFailure.Blocked, Description: "no Telegram address", Channel: ChannelAddress.Telegram);
    private readonly EditMemory edits = new();

    /// <summary>One attempt, after the gate. A 429 penalises the gate's scope before it returns.</summary>
    public async Task<SendResult> TrySendAsync(long personId, OutboundMessage message, SendPriority priority, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!TryChatOf(personId, out var chatId))
        {
            return NoAddress;
        }

        return await CallAsync(chatId, priority, async () =>
        {
            // Only broadcasts are paid for: a reply to a cadre is one message and stays inside the free budget.
            var sent = await bot.SendMessage(chatId, message.Html, ParseMode.Html, linkPreviewOptions: NoPreview,
                replyMarkup: Keyboard(message.Buttons), allowPaidBroadcast: priority == SendPriority.Broadcast && gate.PaidBroadcast, cancellationToken: ct);
            return new SendResult(true, sent.MessageId);
        }, ct);
    }

    /// <summary>
    /// One edit attempt. An edit to what this process last put on the message is not sent (a double tap re-renders the
    /// same text, which Telegram would refuse with "message is not modified"); it succeeds without a request.
    /// </summary>
    public async Task<SendResult> TryEditAsync(long personId, int messageId, OutboundMessage message, SendPriority priority, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!TryChatOf(personId, out var chatId))
        {
            return NoAddress;
        }

        var content = EditMemory.Fingerprint(message.Html, message.Buttons);
        if (edits.Shows(chatId, messageId, content))
        {
            return new SendResult(true, messageId);
        }

        edits.Begin(chatId, messageId);
        var result = new SendResult(false);
        try
        {
            result = await CallAsync(chatId, priority, async () =>
            {
                await bot.EditMessageText(chatId, messageId, message.Html, ParseMode.Html, Keyboard(message.Buttons), NoPreview, cancellationToken: ct);
                return new SendResult(true, messageId);
            }, ct);

            // Telegram's refusal of an edit that changes nothing is success, not an error: the message shows this already
            // (after a restart, which forgets what was edited, or when the same text was built another way).
            return result.IsNotModified ? new SendResult(true, messageId) : result;
        }
        finally
        {
            edits.End(chatId, messageId, result.Ok || result.IsNotModified ? content : null);
        }
    }

    /// <summary>Replaces only the inline keyboard of a message (editMessageReplyMarkup); the text stays as it is.</summary>
    public async Task<SendResult> TryEditButtonsAsync(long personId, int messageId, IReadOnlyList<IReadOnlyList<OutboundButton>>? buttons, SendPriority priority, CancellationToken ct)
    {
        if (!TryChatOf(personId, out var chatId))
        {
            return NoAddress;
        }

        // The text is not known here, so the message's remembered content is forgotten rather than updated.
        edits.Begin(chatId, messageId);
        try
        {
            var result = await CallAsync(chatId, priority, async () =>
            {
                await bot.EditMessageReplyMarkup(chatId, messageId, Keyboard(buttons), cancellationToken: ct);
                return new SendResult(true, messageId);
            }, ct);
            return result.IsNotModified ? new SendResult(true, messageId) : result;
        }
        finally
        {
            edits.End(chatId, messageId, null);
        }
    }

    public Task<SendResult> TrySendDocumentAsync(long personId, OutboundFile file, SendPriority priority, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!TryChatOf(personId, out var chatId))
        {
            return Task.FromResult(NoAddress);
        }

        return CallAsync(chatId, priority, async () =>
        {
            using var stream = new MemoryStream(file.Content, writable: false);
            var sent = await bot.SendDocument(chatId, InputFile.FromStream(stream, file.FileName), file.CaptionHtml,
                ParseMode.Html, cancellationToken: ct);
            return new SendResult(true, sent.MessageId);
        }, ct);
    }

    public Task<SendResult> TrySendPhotoAsync(long personId, OutboundFile file, SendPriority priority, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!TryChatOf(personId, out var chatId))
        {
            return Task.FromResult(NoAddress);
        }

        return CallAsync(chatId, priority, async () =>
        {
            using var stream = new MemoryStream(file.Content, writable: false);
            var sent = await bot.SendPhoto(chatId, InputFile.FromStream(stream, file.FileName), file.CaptionHtml,
                ParseMode.Html, cancellationToken: ct);
            return new SendResult(true, sent.MessageId);
        }, ct);
    }

    public Task<SendResult> TrySendQuizPollAsync(long personId, string question, IReadOnlyList<string> options, int correctOption,
        string? explanation, SendPriority priority, CancellationToken ct)
    {
        if (!TryChatOf(personId, out var chatId))
        {
            return Task.FromResult(NoAddress);
        }

        return CallAsync(chatId, priority, async () =>
        {
            var sent = await bot.SendPoll(chatId, question, options.Select(o => new InputPollOption(o)), isAnonymous: false,
                type: PollType.Quiz, correctOptionIds: [correctOption], explanation: explanation, cancellationToken: ct);
            return new SendResult(true, sent.MessageId, PollId: sent.Poll?.Id);
        }, ct);
    }

    /// <summary>
    /// A reply to a cadre's own action: goes ahead of broadcasts and is tried up to <see cref="InteractiveAttempts"/> times.
    /// After a 429 the next try waits in the gate until Telegram's retry_after is over; after a server error or a network
    /// failure it waits <see cref="ReplyBackoff.Delay"/> (250 ms, 500 ms, 1 s) so that a struggling API is not hammered.
    /// </summary>
    public async Task<SendResult> ReplyAsync(long personId, OutboundMessage message, CancellationToken ct)
    {
        var result = await WithRetriesAsync(() => TrySendAsync(personId, message, SendPriority.Interactive, ct), ct);
        LogFailure(personId, result);
        return result;
    }

    public async Task<SendResult> EditAsync(long personId, int messageId, OutboundMessage message, CancellationToken ct)
    {
        var result = await WithRetriesAsync(() => TryEditAsync(personId, messageId, message, SendPriority.Interactive, ct), ct);
        LogFailure(personId, result);
        return result;
    }

    /// <summary>An interactive keyboard edit: retried on transient failures with the same pauses as <see cref="ReplyAsync"/>.</summary>
    public async Task<SendResult> EditButtonsAsync(long personId, int messageId, IReadOnlyList<IReadOnlyList<OutboundButton>>? buttons, CancellationToken ct)
    {
        var result = await WithRetriesAsync(() => TryEditButtonsAsync(personId, messageId, buttons, SendPriority.Interactive, ct), ct);
        LogFailure(personId, result);
        return result;
    }

    /// <summary>answerCallbackQuery; the router calls it once for every callback query.</summary>
    public async Task AnswerButtonAsync(string pressId, CallbackReply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        try
        {
            await bot.AnswerCallbackQuery(pressId, reply.Text, reply.Alert, cancellationToken: ct);
        }
        catch (ApiRequestException ex)
        {
            // An answer that comes too late is harmless: the button only stops spinning sooner.
            log.LogWarning(ex, "answerCallbackQuery failed with {Code}", ex.ErrorCode);
            if (ex.ErrorCode == 429)
            {
                // A 429 that names no chat is the bot's: everything waits.
                gate.Penalize(null, ex.Parameters?.RetryAfter is int seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromSeconds(1));
            }
        }
    }

    private bool TryChatOf(long personId, out long chatId)
    {
        chatId = 0;
        return directory.AddressOn(personId, ChannelAddress.Telegram) is { } address && address.TryTelegramId(out chatId);
    }

    /// <summary>One request after the gate; the result names this channel, which the ledger records with the send.</summary>
    private async Task<SendResult> CallAsync(long chatId, SendPriority priority, Func<Task<SendResult>> call, CancellationToken ct) =>
        await CallOnceAsync(chatId, priority, call, ct) with { Channel = ChannelAddress.Telegram };

    private async Task<SendResult> CallOnceAsync(long chatId, SendPriority priority, Func<Task<SendResult>> call, CancellationToken ct)
    {
        await gate.WaitAsync(chatId, priority, ct);
        var started = transport.GetTimestamp();
        try
        {
            return await call();
        }
        catch (ApiRequestException ex)
        {
            TimeSpan? retryAfter = ex.Parameters?.RetryAfter is int seconds ? TimeSpan.FromSeconds(seconds) : null;
            if (ex.ErrorCode == 429)
            {
                metrics.RateLimited.Add(1);
                metrics.RetryAfterWaited.Add((retryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds);
                // A 429 answering a send to one chat holds that chat only: one flooded chat must not stall every other
                // cadre. The bot-wide pace (the gate's token bucket) keeps the whole bot under Telegram's global limit;
                // a 429 with no chat (answerCallbackQuery, getUpdates) still holds everything (PenalizeAll).
                gate.Penalize(chatId, retryAfter ?? TimeSpan.FromSeconds(1));
            }

            return new SendResult(false, Failure: Classify(ex.ErrorCode, ex.Message), ErrorCode: ex.ErrorCode, Description: ex.Message, RetryAfter: retryAfter);
        }
        catch (RequestException ex) when (!ct.IsCancellationRequested)
        {
            var code = (int?)ex.HttpStatusCode;
            return new SendResult(false, Failure: code is { } c ? Classify(c, ex.Message) : SendFailure.Transient, ErrorCode: code, Description: ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return new SendResult(false, Failure: SendFailure.Transient, Description: ex.Message);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            return new SendResult(false, Failure: SendFailure.Transient, Description: "timeout: " + ex.Message);
        }
        finally
        {
            metrics.SendDuration.Record(transport.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>
    /// The Bot API's errors in the channel-neutral terms of the ledger: 403 (blocked, deactivated) and 400 "chat not
    /// found" mean the person cannot be reached; 429 asks to slow down; 5xx is transient; an edit to the same content is
    /// not an error; any other 4xx is a refusal that a retry would meet again.
    /// </summary>
    internal static SendFailure Classify(int code, string? description) => code switch
    {
        403 => SendFailure.Blocked,
        429 => SendFailure.RateLimited,
        >= 500 => SendFailure.Transient,
        400 when description?.Contains("chat not found", StringComparison.OrdinalIgnoreCase) == true => SendFailure.Blocked,
        400 when description?.Contains("message is not modified", StringComparison.OrdinalIgnoreCase) == true => SendFailure.NotModified,
        _ => SendFailure.Rejected,
    };

    private async Task<SendResult> WithRetriesAsync(Func<Task<SendResult>> attempt, CancellationToken ct)
    {
        var result = await attempt();
        for (var failed = 1; failed < InteractiveAttempts && !result.Ok && result.IsTransient; failed++)
        {
            if (!result.IsRateLimited)
            {
                // A 429 already penalised the gate, which holds the next try until retry_after is over.
                await Task.Delay(ReplyBackoff.Delay(failed), backoff.Time, ct);
            }

            result = await attempt();
        }

        return result;
    }

    private void LogFailure(long personId, SendResult result)
    {
        if (!result.Ok)
        {
            log.LogWarning("Reply to {PersonId} failed: {Code} {Description}", personId, result.ErrorCode, result.Description);
        }
    }

    internal static InlineKeyboardMarkup? Keyboard(IReadOnlyList<IReadOnlyList<OutboundButton>>? rows)
    {
        if (rows is null || rows.Count == 0)
        {
            return null;
        }

        return new InlineKeyboardMarkup(rows.Select(row => row.Select(b => b.Url is not null
            ? InlineKeyboardButton.WithUrl(b.Label, b.Url)
            : InlineKeyboardButton.WithCallbackData(b.Label, b.CallbackKey ?? "-"))));
    }
}
