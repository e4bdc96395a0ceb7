using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Directive920Bot.Channels;
using Directive920Bot.Localization;
using Directive920Bot.Media;
using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Zalo;

/// <summary>
/// The Zalo implementation of <see cref="IChannelSender"/>, registered under the channel's name. Zalo has no buttons,
/// no edits, no polls and no documents, so: buttons become numbered typed replies whose meaning is kept durably per
/// person (<see cref="IOfferedChoicesStore"/>); an edit is sent as a new message (once: the same edit again sends
/// nothing); a quiz poll is a numbered question answered by typing; a document is described in text; a photo (a chart,
/// an invite QR code) goes by URL — a short-lived link of this service (<see cref="MediaLinkService"/>) — when
/// <c>Admin:PublicBaseUrl</c> is set, and as its caption with a note otherwise.
/// Every request waits on Zalo's own pacing gate; a 429 penalises it; blocked or unknown users are
/// <see cref="SendFailure.Blocked"/> as on Telegram.
/// </summary>
public sealed class ZaloSender(
    ZaloBotClient client,
    [FromKeyedServices(ChannelNames.Zalo)] IOutboundGate gate,
    IPersonDirectory directory,
    IOfferedChoicesStore offers,
    ISubscribers subscribers,
    IStorage storage,
    MediaLinkService media,
    [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time,
    [FromKeyedServices(Hosting.Clocks.Transport)] TimeProvider transport,
    ILogger<ZaloSender> log) : IChannelSender, IProvisionalAddresses
{
    public const int InteractiveAttempts = 4;

    private const int MaxProvisional = 10_000;

    private static readonly SendResult NoAddress = new(false, Failure: SendFailure.Blocked, Description: "no Zalo address", Channel: ChannelNames.Zalo);

    private static readonly Loc FileByOtherMeans = new(
        "(Tệp «{0}» không gửi được qua Zalo. Đồng chí mở tệp trên trang quản trị hoặc qua Telegram.)",
        "(The file “{0}” cannot be sent on Zalo. Open it on the admin pages or in Telegram.)");

    private static readonly Loc ImageByOtherMeans = new(
        "(Hình ảnh không gửi được qua Zalo lúc này; nội dung chính có trong tin nhắn chữ.)",
        "(The image cannot be sent on Zalo at the moment; the text messages carry what matters.)");

    private static readonly Loc AnswerWithNumber = new("Trả lời bằng số từ {0} đến {1}.", "Reply with a number from {0} to {1}.");

    // Senders before consent have no stored address: the router tells the sender where they wrote from.
    private readonly ConcurrentDictionary<long, string> provisional = new();

    // Their choices (the consent step's) likewise: in memory only, nothing is stored before consent.
    private readonly ConcurrentDictionary<long, OfferedChoices> pendingOffers = new();

    // What an edit last put on a message: the same edit again (a double tap) sends nothing.
    private readonly ConcurrentDictionary<(long, int), string> edits = new();

    /// <summary>Where a person who has not consented wrote from, so that replies reach them before anything is stored.</summary>
    public void RememberProvisional(long personId, ChannelAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (PersonIds.IsProvisional(personId))
        {
            if (provisional.Count > MaxProvisional)
            {
                // Bounded: a flood of strangers cannot grow it; someone mid-consent just sends /start again.
                provisional.Clear();
                pendingOffers.Clear();
            }

            provisional[personId] = address.Id;
        }
    }

    public Task<SendResult> TrySendAsync(long personId, OutboundMessage message, SendPriority priority, CancellationToken ct) =>
        SendMessageAsync(personId, message, replacing: null, priority, ct);

    private Task<SendResult> SendMessageAsync(long personId, OutboundMessage message, int? replacing, SendPriority priority, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var language = LanguageOf(personId);
        var choices = ZaloText.Choices(message.Buttons).Select(c => new OfferedChoice(ZaloText.PlainText(c.Label), c.CallbackKey)).ToList();
        return SendOfferingAsync(personId, first => ZaloText.Render(message, language, first), choices, replacing, priority, ct);
    }

    /// <summary>
    /// Sends a text that offers <paramref name="choices"/> numbered from where the choices still open end (a quiz
    /// question waiting for its answer keeps its numbers) or from 1, and records them as open: in place of the choices
    /// of <paramref name="replacing"/> (an edit of that message), after the open ones, or instead of them.
    /// </summary>
    private async Task<SendResult> SendOfferingAsync(long personId, Func<int, string> text, List<OfferedChoice> choices, int? replacing,
        SendPriority priority, CancellationToken ct)
    {
        if (ChatOf(personId) is not { } chatId)
        {
            return NoAddress;
        }

        var open = OfferTo(personId)?.Choices ?? [];
        List<OfferedChoice> before = [], after = [];
        var at = replacing is null ? -1 : open.FindIndex(c => c.MessageId == replacing);
        if (at >= 0)
        {
            before = open[..at];
            after = [.. open.Skip(at).Where(c => c.MessageId != replacing)];
        }
        else if (choices.Count > 0 && OfferTo(personId) is { } offer && offer.QuizWaiting())
        {
            before = open;
        }

        var result = await SendTextAsync(personId, chatId, text(before.Count + 1), priority, ct);
        if (result.Ok && (choices.Count > 0 || at >= 0))
        {
            // A message without choices leaves the open ones standing (a lesson's follow-up note, say).
            var id = replacing ?? result.MessageId;
            await OfferAsync(personId, [.. before, .. choices.Select(c => c with { MessageId = id }), .. after]);
        }

        return result;
    }

    public async Task<SendResult> ReplyAsync(long personId, OutboundMessage message, CancellationToken ct)
    {
        var result = await WithRetriesAsync(() => TrySendAsync(personId, message, SendPriority.Interactive, ct), ct);
        LogFailure(personId, result);
        return result;
    }

    /// <summary>Zalo cannot edit: the new content goes as a new message, unless this very edit was sent already.</summary>
    public async Task<SendResult> EditAsync(long personId, int messageId, OutboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var fingerprint = Fingerprint(message);
        if (edits.TryGetValue((personId, messageId), out var shown) && shown == fingerprint)
        {
            return new SendResult(true, messageId, Channel: ChannelNames.Zalo);
        }

        var result = await WithRetriesAsync(() => SendMessageAsync(personId, message, messageId, SendPriority.Interactive, ct), ct);
        LogFailure(personId, result);
        if (result.Ok)
        {
            edits[(personId, messageId)] = fingerprint;
        }

        return result;
    }

    /// <summary>Buttons removed: their choices close (nothing to send). New buttons: the numbered choices are sent.</summary>
    public async Task<SendResult> EditButtonsAsync(long personId, int messageId, IReadOnlyList<IReadOnlyList<OutboundButton>>? buttons, CancellationToken ct)
    {
        if (ZaloText.Choices(buttons).Count == 0)
        {
            if (OfferTo(personId) is { } offer && offer.Choices.Any(c => c.MessageId == messageId))
            {
                await OfferAsync(personId, [.. offer.Choices.Where(c => c.MessageId != messageId)]);
            }

            return new SendResult(true, messageId, Channel: ChannelNames.Zalo);
        }

        return await EditAsync(personId, messageId, new OutboundMessage("", buttons), ct);
    }

    /// <summary>Nothing to answer on Zalo: the router sends a press's reply text as a message itself.</summary>
    public Task AnswerButtonAsync(string pressId, CallbackReply reply, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// sendPhoto takes a public URL, not an upload: the image is published as a short-lived link of this service and
    /// the platform fetches it. Without <c>Admin:PublicBaseUrl</c>, or when the platform refuses the photo (it could not
    /// fetch it, say), the caption goes as text with a note; blocked, rate-limited and transient failures are returned
    /// as they are, for the caller to handle as any send's. A caption over <see cref="ZaloOptions.CaptionLimit"/> follows
    /// the photo as text.
    /// </summary>
    public async Task<SendResult> TrySendPhotoAsync(long personId, OutboundFile file, SendPriority priority, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (ChatOf(personId) is not { } chatId)
        {
            return NoAddress;
        }

        if (media.Enabled && await media.PublishAsync(file.Content) is { } url)
        {
            var caption = file.CaptionHtml is null ? null : ZaloText.PlainText(file.CaptionHtml).Trim();
            var fits = caption is null || caption.Length <= ZaloOptions.CaptionLimit;
            var sent = await CallAsync(personId, priority, async () =>
            {
                var photo = await client.SendPhotoAsync(chatId, url.AbsoluteUri, fits && caption is { Length: > 0 } ? caption : null, ct);
                return new SendResult(true, MessageIdOf(photo.MessageId));
            }, ct);
            if (sent.Ok)
            {
                return fits ? sent : await SendTextAsync(personId, chatId, caption!, priority, ct);
            }

            if (sent.Failure != SendFailure.Rejected)
            {
                return sent;
            }

            log.LogWarning("Zalo refused the photo for {PersonId} ({Code} {Description}); its caption goes as text", personId, sent.ErrorCode, sent.Description);
        }

        return await TextInsteadAsync(personId, file.CaptionHtml, ImageByOtherMeans.For(LanguageOf(personId)), priority, ct);
    }

    /// <summary>The Bot Platform sends no documents: the caption goes as text with where to find the file.</summary>
    public Task<SendResult> TrySendDocumentAsync(long personId, OutboundFile file, SendPriority priority, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var note = string.Format(System.Globalization.CultureInfo.InvariantCulture, FileByOtherMeans.For(LanguageOf(personId)), file.FileName);
        return TextInsteadAsync(personId, file.CaptionHtml, note, priority, ct);
    }

    /// <summary>
    /// A quiz without polls: the question and its options numbered, answered by typing the number. The "poll id" is
    /// ours (random, unguessable); the typed answer comes back as an <see cref="InboundQuizAnswer"/> carrying it.
    /// </summary>
    public async Task<SendResult> TrySendQuizPollAsync(long personId, string question, IReadOnlyList<string> options, int correctOption,
        string? explanation, SendPriority priority, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var language = LanguageOf(personId);
        var pollId = "zq_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(9)).ToLowerInvariant();
        var choices = options.Select((o, i) => new OfferedChoice(o, PollId: pollId, Option: i, Correct: i == correctOption, Explanation: explanation)).ToList();
        string Text(int first)
        {
            var text = new StringBuilder(question).Append('\n');
            for (var i = 0; i < options.Count; i++)
            {
                text.Append('\n').Append(first + i).Append(". ").Append(options[i]);
            }

            return text.Append("\n\n").Append(AnswerWithNumber.Format(language, first, first + options.Count - 1)).ToString();
        }

        var result = await SendOfferingAsync(personId, Text, choices, replacing: null, priority, ct);
        return result.Ok ? result with { PollId = pollId } : result;
    }

    /// <summary>Shows "typing…" while a slow answer is prepared; a failure is of no consequence.</summary>
    public async Task TypingAsync(long personId, CancellationToken ct)
    {
        if (ChatOf(personId) is { } chatId)
        {
            try
            {
                await client.SendChatActionAsync(chatId, "typing", ct);
            }
            catch (Exception ex) when (ex is ZaloApiException or HttpRequestException)
            {
                log.LogDebug("sendChatAction failed: {Error}", ex.Message);
            }
        }
    }

    private async Task<SendResult> TextInsteadAsync(long personId, string? captionHtml, string note, SendPriority priority, CancellationToken ct)
    {
        if (ChatOf(personId) is not { } chatId)
        {
            return NoAddress;
        }

        var caption = captionHtml is null ? "" : ZaloText.PlainText(captionHtml) + "\n";
        return await SendTextAsync(personId, chatId, caption + note, priority, ct);
    }

    private async Task OfferAsync(long personId, List<OfferedChoice> choices)
    {
        var offer = new OfferedChoices
        {
            Channel = ChannelNames.Zalo,
            PersonId = personId,
            Choices = choices,
            OfferedAt = time.GetUtcNow().UtcDateTime,
        };
        if (PersonIds.IsProvisional(personId))
        {
            // Before consent nothing personal is stored; the consent step's choices are kept in memory only.
            pendingOffers[personId] = offer;
            return;
        }

        await storage.WriteAsync(tx => offers.Offer(tx, offer));
    }

    /// <summary>Records the person's answer to a quiz offered as numbered choices, so that the same answer again changes nothing.</summary>
    public async Task MarkAnsweredAsync(OfferedChoices offer, int index)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var choices = offer.Choices.Select((c, i) => i == index ? c with { Taken = true } : c).ToList();
        await OfferAsync(offer.PersonId, choices);
    }

    /// <summary>The choices last offered to the person: the stored ones, or before consent the ones kept in memory.</summary>
    public OfferedChoices? OfferTo(long personId) =>
        PersonIds.IsProvisional(personId) ? pendingOffers.GetValueOrDefault(personId) : offers.Find(ChannelNames.Zalo, personId);

    /// <summary>Sends the text in parts that fit Zalo's limit; the result is the last part's (the one with the choices).</summary>
    private async Task<SendResult> SendTextAsync(long personId, string chatId, string text, SendPriority priority, CancellationToken ct)
    {
        var result = new SendResult(false, Failure: SendFailure.Rejected, Description: "empty message", Channel: ChannelNames.Zalo);
        foreach (var part in ZaloText.Split(text))
        {
            if (part.Length == 0)
            {
                continue;
            }

            result = await CallAsync(personId, priority, async () =>
            {
                var sent = await client.SendMessageAsync(chatId, part, ct);
                return new SendResult(true, MessageIdOf(sent.MessageId));
            }, ct);
            if (!result.Ok)
            {
                return result;
            }
        }

        return result;
    }

    private async Task<SendResult> CallAsync(long personId, SendPriority priority, Func<Task<SendResult>> call, CancellationToken ct)
    {
        await gate.WaitAsync(personId, priority, ct);
        try
        {
            return await call() with { Channel = ChannelNames.Zalo };
        }
        catch (ZaloApiException ex)
        {
            if (ex.ErrorCode == 429)
            {
                gate.Penalize(personId, ex.RetryAfter ?? TimeSpan.FromSeconds(1));
            }

            return new SendResult(false, Failure: Classify(ex.ErrorCode, ex.Description), ErrorCode: ex.ErrorCode, Description: ex.Description,
                RetryAfter: ex.RetryAfter, Channel: ChannelNames.Zalo);
        }
        catch (HttpRequestException ex)
        {
            return new SendResult(false, Failure: SendFailure.Transient, Description: ex.Message, Channel: ChannelNames.Zalo);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            return new SendResult(false, Failure: SendFailure.Transient, Description: "timeout: " + ex.Message, Channel: ChannelNames.Zalo);
        }
    }

    /// <summary>
    /// Zalo's errors in the ledger's terms. Its docs list no codes for a blocked or unknown user; 403 (forbidden: the user
    /// blocked or never followed the bot) and 404 (no such user/chat) are read as unreachable, as Telegram's 403 is;
    /// 429 slows down; 5xx and 408 are transient; any other refusal would fail again.
    /// </summary>
    internal static SendFailure Classify(int code, string? description) => code switch
    {
        403 or 404 => SendFailure.Blocked,
        429 => SendFailure.RateLimited,
        408 or >= 500 => SendFailure.Transient,
        400 when description?.Contains("not found", StringComparison.OrdinalIgnoreCase) == true => SendFailure.Blocked,
        _ => SendFailure.Rejected,
    };

    private async Task<SendResult> WithRetriesAsync(Func<Task<SendResult>> attempt, CancellationToken ct)
    {
        var result = await attempt();
        for (var failed = 1; failed < InteractiveAttempts && !result.Ok && result.IsTransient; failed++)
        {
            if (!result.IsRateLimited)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 << (failed - 1)), transport, ct);
            }

            result = await attempt();
        }

        return result;
    }

    private void LogFailure(long personId, SendResult result)
    {
        if (!result.Ok)
        {
            log.LogWarning("Zalo reply to {PersonId} failed: {Code} {Description}", personId, result.ErrorCode, result.Description);
        }
    }

    private string? ChatOf(long personId) =>
        directory.AddressOn(personId, ChannelNames.Zalo)?.Id ?? provisional.GetValueOrDefault(personId);

    private string LanguageOf(long personId) => subscribers.Find(personId)?.Language ?? Languages.Vietnamese;

    /// <summary>Zalo's message ids are strings; features keep an int: a stable positive hash of it (edits never use it on Zalo).</summary>
    internal static int MessageIdOf(string zaloMessageId) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(zaloMessageId)), 0) & int.MaxValue;

    private static string Fingerprint(OutboundMessage message) =>
        message.Html + "|" + string.Join(";", message.Buttons?.SelectMany(r => r).Select(b => b.Label + "=" + b.CallbackKey + b.Url) ?? []);
}
