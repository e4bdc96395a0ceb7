using System.Net;
using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Hosting;
using Directive920Bot.Localization;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using static Directive920Bot.Engagement.EngagementTexts;

namespace Directive920Bot.Engagement;

/// <summary>/progress, /lessons, /feedback and every engagement button (acknowledge, quiz, answers, re-open, feedback).</summary>
public sealed class EngagementHandler(
    AcknowledgementService acknowledgements,
    QuizService quiz,
    ProgressService progress,
    EngagementPolicyResolver policies,
    IFeedback feedback,
    IStorage storage,
    ISubscribers subscribers,
    ContentService content,
    CallbackKeyStore keys,
    BotClock clock,
    Hosting.BotMetrics metrics,
    IEnumerable<IProgressSection> progressSections,
    ConsentRenewal consent,
    ILogger<EngagementHandler> log) : ICommandHandler, ICallbackHandler, IConversationHandler, IPollAnswerHandler
{
    public const string OpenAction = "eng.open";
    public const string FeedbackAction = "eng.fb";
    public const string FeedbackConversation = "eng.feedback";
    public const int FeedbackMin = 10;
    public const int FeedbackMax = 2000;
    private const int LabelLength = 48;

    /// <summary>How long the feedback buttons work: short, so a key (with its owner and time) does not outlive the feedback.</summary>
    public static readonly TimeSpan FeedbackKeyLifetime = TimeSpan.FromMinutes(30);

    public IReadOnlyList<CommandSpec> Commands { get; } =
    [
        new("progress", new("Kết quả học tập", "My progress"), CommandAccess.Registered, true, "tiendo"),
        new("lessons", new("Các bài đã nhận", "My lessons"), CommandAccess.Registered, true, "baihoc"),
        new("feedback", new("Gửi góp ý", "Send feedback"), CommandAccess.Registered, true, "gopy"),
    ];

    public string Feature => "eng";

    public string Prefix => "eng";

    public async Task HandleAsync(BotContext context, CommandSpec command, string arguments, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        switch (command.Name)
        {
            case "progress":
                await context.ReplyAsync(ProgressHtml(context), ct);
                break;
            case "lessons":
                await context.ReplyAsync(LessonsMessage(context), ct);
                break;
            case "feedback":
                await context.ReplyAsync(new OutboundMessage(context.T(FeedbackAsk)).WithButtons(
                    [
                        new OutboundButton(context.T(FeedbackNamed), keys.Issue(context.PersonId, FeedbackAction, "named", FeedbackKeyLifetime)),
                        new OutboundButton(context.T(FeedbackAnonymous), keys.Issue(context.PersonId, FeedbackAction, "anon", FeedbackKeyLifetime)),
                    ],
                    [new OutboundButton(context.T(FeedbackCancelButton), keys.Issue(context.PersonId, FeedbackAction, "cancel", FeedbackKeyLifetime))]), ct);
                break;
        }
    }

    public async Task<CallbackReply> HandleAsync(BotContext context, CallbackKey key, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(press);
        return key.Action switch
        {
            AcknowledgementService.AckAction => await OnAcknowledgeAsync(context, key.Payload, press, ct),
            AcknowledgementService.QuizAction => await OnQuizRequestedAsync(context, key.Payload, press, ct),
            QuizService.AnswerAction => await OnAnswerAsync(context, key.Payload, press, ct),
            OpenAction => await OnOpenAsync(context, key.Payload, ct),
            FeedbackAction => await OnFeedbackButtonAsync(context, key.Payload, press, ct),
            _ => CallbackReply.Silent,
        };
    }

    public async Task HandleAsync(InboundQuizAnswer answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        // A vote comes without a chat, past the router's gates: consent is checked here. Nothing is recorded for a person
        // who never consented or whose consent is outdated; the latter is asked again and gets the question back on agreeing.
        var subscriber = subscribers.Find(answer.PersonId);
        if (!consent.Accepts(subscriber))
        {
            if (subscriber is not null && quiz.HoldPoll(answer.PersonId, answer.PollId))
            {
                await consent.AskAgainAsync(subscriber, ct);
            }

            return;
        }

        var outcome = quiz.AnswerPoll(answer.PersonId, answer.PollId, answer.OptionIds);
        if (outcome is { Result: AnswerResult.Recorded, Row: { } row })
        {
            metrics.QuizAnswers.Add(1, new KeyValuePair<string, object?>("kind", "poll"));
            // Telegram itself shows right/wrong and the explanation on a quiz poll.
            await quiz.UnlockIfCompleteAsync(row, ct);
        }
    }

    public async Task ContinueAsync(BotContext context, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(message);
        var subscriber = context.Subscriber!;
        var draft = feedback.Draft(subscriber.Id);
        if (subscriber.Conversation != FeedbackConversation || draft is null)
        {
            subscriber.Conversation = null;
            await storage.WriteAsync(tx => subscribers.Save(tx, subscriber));
            await context.ReplyAsync(FeedbackCancelled, ct);
            return;
        }

        var text = message.Text.Trim();
        if (text.Length == 0)
        {
            await context.ReplyAsync(FeedbackTextOnly, ct);
            return;
        }

        if (text.Length < FeedbackMin)
        {
            await context.ReplyAsync(FeedbackTooShort, ct);
            return;
        }

        if (text.Length > FeedbackMax)
        {
            await context.ReplyAsync(FeedbackTooLong.Format(context.Language, text.Length), ct);
            return;
        }

        draft.Text = text;
        await storage.WriteAsync(tx => feedback.SaveDraft(tx, draft));
        var mode = context.T(draft.Anonymous ? FeedbackModeAnonymous : FeedbackModeNamed);
        await context.ReplyAsync(new OutboundMessage(FeedbackPreview.Format(context.Language, mode, TelegramHtml.Escape(text))).WithButtons(
        [
            new OutboundButton(context.T(FeedbackSend), keys.Issue(context.PersonId, FeedbackAction, "send:" + draft.Token, FeedbackKeyLifetime)),
            new OutboundButton(context.T(FeedbackCancelButton), keys.Issue(context.PersonId, FeedbackAction, "cancel", FeedbackKeyLifetime)),
        ]), ct);
    }

    private async Task<CallbackReply> OnAcknowledgeAsync(BotContext context, string deliveryId, ButtonPress pressed, CancellationToken ct)
    {
        var outcome = await acknowledgements.AcknowledgeAsync(context.PersonId, deliveryId);
        switch (outcome.Result)
        {
            case AckResult.DeliveryMissing:
                return new CallbackReply(context.T(DeliveryGone), Alert: true);
            case AckResult.ItemDeleted:
                return new CallbackReply(context.T(ItemGone), Alert: true);
            case AckResult.NotYours:
                return new CallbackReply(context.T(NotYours), Alert: true);
            case AckResult.QuizFirst:
                await quiz.SendQuizAsync(outcome.Row!, ct);
                return new CallbackReply(context.T(QuizFirst), Alert: true);
        }

        if (outcome.Result == AckResult.Recorded)
        {
            metrics.Acknowledgements.Add(1);
        }

        var ack = outcome.Acknowledgement!;
        await MarkAcknowledgedAsync(context, pressed, ack, ct);
        if (outcome.Result == AckResult.AlreadyRecorded)
        {
            return new CallbackReply(AckAlready.Format(context.Language, acknowledgements.LocalStamp(ack.AcknowledgedAt, context.Language)));
        }

        var row = outcome.Row!;
        var policy = policies.For(row);
        if (policy.QuizAfterAcknowledgement && !policy.RequireQuizBeforeAck && row.Payload != ReackService.Payload)
        {
            await quiz.SendQuizAsync(row, ct);
        }

        return new CallbackReply(context.T(AckThanks));
    }

    /// <summary>Shows on the pressed message when it was acknowledged, without the button. Re-pressing re-renders the same text.</summary>
    private async Task MarkAcknowledgedAsync(BotContext context, ButtonPress pressed, Acknowledgement ack, CancellationToken ct)
    {
        if (pressed.MessageId is not { } messageId || messageId == 0 || string.IsNullOrEmpty(pressed.MessageText))
        {
            return;
        }

        var html = pressed.MessageHtml ?? "";
        var stamp = AckedAt.Format(context.Language, acknowledgements.LocalStamp(ack.AcknowledgedAt, context.Language));
        var plainStamp = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(stamp, "<[^>]+>", ""));
        if (!pressed.MessageText.Contains(plainStamp, StringComparison.Ordinal))
        {
            html += "\n\n" + stamp;
        }

        await context.Sender.EditAsync(context.PersonId, messageId, new OutboundMessage(html), ct);
    }

    private async Task<CallbackReply> OnQuizRequestedAsync(BotContext context, string deliveryId, ButtonPress pressed, CancellationToken ct)
    {
        var row = acknowledgements.Row(deliveryId);
        if (row is null || row.SubscriberId != context.PersonId)
        {
            return new CallbackReply(context.T(DeliveryGone), Alert: true);
        }

        if (row.ItemId is not null && content.Current.Find(row.ItemId) is null)
        {
            return new CallbackReply(context.T(ItemGone), Alert: true);
        }

        var item = row.ItemId is null ? null : content.Current.Find(row.ItemId);
        if (acknowledgements.QuizAnswered(row, item))
        {
            // A locked button on an older copy (a reminder, a /lessons copy, a lesson whose in-place unlock failed):
            // the questions are answered, so this copy gets the live button, or none once acknowledged (and then the
            // answer says when, instead of asking for a press that is no longer there).
            var acknowledged = acknowledgements.Find(row);
            if (pressed.MessageId is { } messageId and > 0)
            {
                var buttons = acknowledged is null ? acknowledgements.ButtonsFor(row) : null;
                await context.Sender.EditButtonsAsync(context.PersonId, messageId, buttons is null ? null : [buttons], ct);
            }

            return acknowledged is null
                ? new CallbackReply(context.T(QuizDone))
                : new CallbackReply(AckAlready.Format(context.Language, acknowledgements.LocalStamp(acknowledged.AcknowledgedAt, context.Language)));
        }

        await quiz.SendQuizAsync(row, ct);
        return new CallbackReply(context.T(QuizComing));
    }

    private async Task<CallbackReply> OnAnswerAsync(BotContext context, string payload, ButtonPress pressed, CancellationToken ct)
    {
        if (!QuizService.TryParsePayload(payload, out var deliveryId, out var questionId, out var option))
        {
            return new CallbackReply(context.T(QuestionGone), Alert: true);
        }

        var outcome = quiz.Press(context.PersonId, deliveryId, questionId, option);
        if (outcome.Result == AnswerResult.Recorded)
        {
            metrics.QuizAnswers.Add(1, new KeyValuePair<string, object?>("kind", "inline"));
        }

        switch (outcome.Result)
        {
            case AnswerResult.Stale:
                return new CallbackReply(context.T(QuestionGone), Alert: true);
            case AnswerResult.AlreadyAnswered:
                return new CallbackReply(context.T(AlreadyAnswered));
            case AnswerResult.NothingPicked:
                return new CallbackReply(context.T(PickAtLeastOne));
            case AnswerResult.Toggled:
                if (pressed.MessageId is { } toggledId and > 0)
                {
                    var buttons = quiz.QuestionButtons(context.PersonId, deliveryId, outcome.Row!.ItemId!, outcome.Question!, outcome.Row!.Language, quiz.Ticked(deliveryId, questionId));
                    await context.Sender.EditAsync(context.PersonId, toggledId, new OutboundMessage(pressed.MessageHtml ?? "", buttons), ct);
                }

                return CallbackReply.Silent;
        }

        var answer = outcome.Answer!;
        var row = outcome.Row!;
        if (pressed.MessageId is { } answeredId and > 0)
        {
            await context.Sender.EditAsync(context.PersonId, answeredId, new OutboundMessage(quiz.AnsweredHtml(row, outcome.Question!, answer)), ct);
        }

        var verdict = context.T(answer.Correct ? RightShort : WrongShort);
        return await quiz.UnlockIfCompleteAsync(row, ct) == UnlockResult.InPlace
            ? new CallbackReply(verdict + "\n" + context.T(UnlockedAbove))
            : new CallbackReply(verdict);
    }

    private async Task<CallbackReply> OnOpenAsync(BotContext context, string itemId, CancellationToken ct)
    {
        var lesson = progress.Lessons(context.PersonId).FirstOrDefault(l => l.Item.Id == itemId);
        if (lesson is null)
        {
            return new CallbackReply(context.T(content.Current.Find(itemId) is null ? ItemGone : DeliveryGone), Alert: true);
        }

        var html = lesson.Item.For(context.Language).Html;
        var buttons = acknowledgements.ButtonsFor(lesson.Delivery);
        if (buttons is null && lesson.Acknowledgement is { } ack)
        {
            html += "\n\n" + AckedAt.Format(context.Language, acknowledgements.LocalStamp(ack.AcknowledgedAt, context.Language));
        }

        await context.ReplyAsync(buttons is null ? new OutboundMessage(html) : new OutboundMessage(html, [buttons]), ct);
        return CallbackReply.Silent;
    }

    private async Task<CallbackReply> OnFeedbackButtonAsync(BotContext context, string payload, ButtonPress pressed, CancellationToken ct)
    {
        var subscriber = context.Subscriber;
        if (subscriber is null || !subscriber.IsRegistered)
        {
            return CallbackReply.Silent;
        }

        if (payload is "named" or "anon")
        {
            var draft = feedback.Draft(subscriber.Id) ?? new FeedbackDraft { Id = subscriber.Id, Token = Guid.NewGuid().ToString("N") };
            draft.Anonymous = payload == "anon";
            await storage.WriteAsync(tx => feedback.SaveDraft(tx, draft));
            subscriber.Conversation = FeedbackConversation;
            await storage.WriteAsync(tx => subscribers.Save(tx, subscriber));
            await context.ReplyAsync(FeedbackType, ct);
            return CallbackReply.Silent;
        }

        if (payload == "cancel")
        {
            await storage.WriteAsync(tx => feedback.DeleteDraft(tx, subscriber.Id));
            subscriber.Conversation = null;
            await storage.WriteAsync(tx => subscribers.Save(tx, subscriber));
            await EditPressedAsync(context, pressed, context.T(FeedbackCancelled), ct);
            return CallbackReply.Silent;
        }

        if (payload.StartsWith("send:", StringComparison.Ordinal))
        {
            var current = feedback.Draft(subscriber.Id);
            if (current is null || current.Token != payload[5..] || current.Text is null)
            {
                return new CallbackReply(context.T(FeedbackAlreadySent));
            }

            var now = clock.UtcNow.UtcDateTime;
            var item = new Feedback
            {
                // A fresh random id: neither the draft token (held in the owner's button key) nor anything of the sender.
                Id = Guid.NewGuid().ToString("N"),
                Anonymous = current.Anonymous,
                SubscriberId = current.Anonymous ? null : subscriber.Id,
                UnitCode = current.Anonymous ? null : subscriber.UnitCode,
                Text = current.Text,
                CreatedAt = current.Anonymous ? DateTime.SpecifyKind(now.Date, DateTimeKind.Utc) : now,
            };
            await storage.WriteAsync(tx =>
            {
                feedback.Submit(tx, item, subscriber.Id);
                // The send key names its owner and was issued the minute the text was written: gone with the draft, it
                // cannot tie anonymous feedback to its sender.
                keys.RevokePayload(tx, FeedbackAction, payload);
            });
            subscriber.Conversation = null;
            await storage.WriteAsync(tx => subscribers.Save(tx, subscriber));
            if (!item.Anonymous)
            {
                log.LogInformation("Named feedback received from a cadre of {Unit}", item.UnitCode);
            }

            await EditPressedAsync(context, pressed, context.T(FeedbackThanks), ct);
            return CallbackReply.Silent;
        }

        return CallbackReply.Silent;
    }

    private static async Task EditPressedAsync(BotContext context, ButtonPress pressed, string html, CancellationToken ct)
    {
        if (pressed.MessageId is { } messageId and > 0)
        {
            await context.Sender.EditAsync(context.PersonId, messageId, new OutboundMessage(html), ct);
        }
        else
        {
            await context.ReplyAsync(html, ct);
        }
    }

    private string ProgressHtml(BotContext context)
    {
        var p = progress.For(context.PersonId);
        var lang = context.Language;
        var extra = progressSections.Select(s => s.Html(context.PersonId, lang)).OfType<string>().ToList();
        if (p.LessonsReceived == 0 && p.Answered == 0)
        {
            return string.Join("\n\n", [context.T(ProgressEmpty), .. extra]);
        }

        return string.Join('\n',
            [
                context.T(ProgressTitle),
                "",
                ProgressLessons.Format(lang, p.LessonsReceived, p.LessonsAcknowledged),
                ProgressQuiz.Format(lang, p.Correct, p.Answered),
                ProgressReview.Format(lang, p.DueForReview),
                ProgressStreak.Format(lang, p.Streak),
                .. extra.SelectMany(e => new[] { "", e }),
                "",
                context.T(ProgressCheer),
            ]);
    }

    private OutboundMessage LessonsMessage(BotContext context)
    {
        var lessons = progress.Lessons(context.PersonId);
        if (lessons.Count == 0)
        {
            return new OutboundMessage(context.T(LessonsEmpty));
        }

        var lines = new List<string> { context.T(LessonsTitle), "" };
        var buttons = new List<IReadOnlyList<OutboundButton>>();
        foreach (var (lesson, i) in lessons.Select((l, i) => (l, i + 1)))
        {
            // Lessons carry their number on the cadre's own track ("Bài 3."); cards and announcements the list position.
            var catalog = content.Current;
            var title = lesson.Delivery.Role is { } role && catalog.LessonNumber(lesson.Item, role == CadreRole.Leader) is not null
                ? catalog.NumberedTitle(lesson.Item, context.Language, role == CadreRole.Leader)
                : $"{i}. {lesson.Item.For(context.Language).Title}";
            lines.Add($"{TelegramHtml.Escape(title)} — {context.T(StatusText(lesson.Status))}");
            var label = $"📖 {title}";
            buttons.Add([new OutboundButton(label.Length > LabelLength ? label[..(LabelLength - 1)] + "…" : label, keys.Issue(context.PersonId, OpenAction, lesson.Item.Id))]);
        }

        lines.Add("");
        lines.Add(context.T(LessonsHint));
        return new OutboundMessage(string.Join('\n', lines), buttons);
    }

    private static Loc StatusText(LessonStatus status) => status switch
    {
        LessonStatus.Acknowledged => StatusAcked,
        LessonStatus.ReackRequested => StatusReack,
        _ => StatusWaiting,
    };
}
