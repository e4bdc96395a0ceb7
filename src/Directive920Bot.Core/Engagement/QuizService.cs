using Directive920Bot.Storage;
using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Delivery;
using Directive920Bot.Hosting;
using Directive920Bot.Registration;
using static Directive920Bot.Engagement.EngagementTexts;

namespace Directive920Bot.Engagement;

/// <summary>Sends a lesson's questions (inline buttons or native quiz polls) and records the first answer to each.</summary>
public sealed class QuizService(
    DeliveryLedger ledger,
    IQuizAnswers answers,
    ContentService content,
    EngagementPolicyResolver policies,
    AcknowledgementService acknowledgements,
    ReviewService review,
    CallbackKeyStore keys,
    IChannelSender channel,
    IEnumerable<IEngagementObserver> observers,
    IStorage storage,
    BotClock clock,
    ILogger<QuizService> log)
{
    public const string AnswerAction = "eng.answer";
    public const int Submit = -1;

    /// <summary>Sends every question of the row's item not sent before for this delivery.</summary>
    public async Task SendQuizAsync(DeliveryRow row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        var item = row.ItemId is null ? null : content.Current.Find(row.ItemId);
        if (item is null)
        {
            return;
        }

        var policy = policies.For(row);
        var quiz = item.For(row.Language).Quiz;
        for (var i = 0; i < quiz.Count; i++)
        {
            var question = quiz[i];
            // A question whose vote was held (consent asked again) is asked again: its poll took the one vote it allows.
            if (answers.FindSent(row.Id, question.Id) is { HeldAt: null })
            {
                continue;
            }

            // A quiz poll takes exactly one right answer; questions with several are asked with buttons.
            var poll = policy.UsePolls && question.Correct.Count == 1;
            var header = QuestionHeader.Format(row.Language, i + 1, quiz.Count, TelegramHtml.Escape(item.For(row.Language).Title));
            var order = OrderFor(row.SubscriberId, item.Id, question);
            SendResult sent;
            if (poll)
            {
                // The poll gets the shown order and the shown position of the right answer; its answers come back as
                // positions and are mapped to authored indexes through the order stored below.
                sent = await channel.TrySendQuizPollAsync(row.SubscriberId, question.Question, order.Select(a => question.Options[a]).ToList(),
                    OptionOrder.PositionOf(order, question.Correct[0]), question.Explanation, SendPriority.Interactive, ct);
            }
            else
            {
                var message = new OutboundMessage(QuestionHtml(header, question, row.Language, order), QuestionButtons(row.SubscriberId, row.Id, item.Id, question, row.Language, []));
                sent = await channel.ReplyAsync(row.SubscriberId, message, ct);
            }

            if (!sent.Ok)
            {
                log.LogWarning("Quiz question {Question} for delivery {Delivery} was not sent: {Code}", question.Id, row.Id, sent.ErrorCode);
                return;
            }

            var record = new QuizQuestionSent
            {
                Id = QuizAnswer.IdFor(row.Id, question.Id),
                SubscriberId = row.SubscriberId,
                DeliveryId = row.Id,
                ItemId = item.Id,
                QuestionId = question.Id,
                MessageId = sent.MessageId,
                PollId = poll ? sent.PollId : null,
                Mode = poll ? "poll" : "inline",
                Shown = [.. order],
                SentAt = clock.UtcNow.UtcDateTime,
            };
            await storage.WriteAsync(tx => answers.RecordSent(tx, record));
        }
    }

    /// <summary>The order <paramref name="subscriberId"/> sees <paramref name="question"/>'s options in (<see cref="OptionOrder"/>).</summary>
    public static IReadOnlyList<int> OrderFor(long subscriberId, string itemId, QuizQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return OptionOrder.For(subscriberId, itemId, question.Id, question.Options.Count);
    }

    /// <summary>The question with its options in <paramref name="order"/> (<c>order[position] = authored index</c>), lettered by position.</summary>
    public static string QuestionHtml(string header, QuizQuestion question, string language, IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(order);
        var lines = new List<string> { header, "", "<b>" + TelegramHtml.Escape(question.Question) + "</b>", "" };
        lines.AddRange(order.Select((a, p) => $"{Letter(p)}. {TelegramHtml.Escape(question.Options[a])}"));
        if (question.Correct.Count > 1)
        {
            lines.Add("");
            lines.Add(ChooseAll.For(language));
        }

        return string.Join('\n', lines);
    }

    /// <summary>One button per shown position, lettered by position; its key carries the authored index, so a press is
    /// recorded as the authored option whatever order it was shown in. <paramref name="ticked"/> holds authored indexes.</summary>
    public IReadOnlyList<IReadOnlyList<OutboundButton>> QuestionButtons(long subscriberId, string deliveryId, string itemId, QuizQuestion question, string language, IReadOnlyCollection<int> ticked)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(ticked);
        var multi = question.Correct.Count > 1;
        var options = OrderFor(subscriberId, itemId, question).Select((a, p) => new OutboundButton(
            multi ? (ticked.Contains(a) ? "☑ " : "☐ ") + Letter(p) : Letter(p),
            keys.Issue(subscriberId, AnswerAction, $"{deliveryId}|{question.Id}|{a}"))).ToList();
        var rows = new List<IReadOnlyList<OutboundButton>> { options };
        if (multi)
        {
            rows.Add([new OutboundButton(SubmitButton.For(language), keys.Issue(subscriberId, AnswerAction, $"{deliveryId}|{question.Id}|{Submit}"))]);
        }

        return rows;
    }

    public static string Letter(int index) => ((char)('A' + index)).ToString();

    /// <summary>An inline press: a tick on a several-answer question, or an answer.</summary>
    public AnswerOutcome Press(long presserId, string deliveryId, string questionId, int option)
    {
        var (row, question) = Resolve(deliveryId, questionId);
        if (row is null || question is null || row.SubscriberId != presserId)
        {
            return new AnswerOutcome(AnswerResult.Stale, Row: row);
        }

        if (answers.Find(deliveryId, questionId) is { } existing)
        {
            return new AnswerOutcome(AnswerResult.AlreadyAnswered, existing, question, row);
        }

        IReadOnlyList<int> selected;
        if (question.Correct.Count > 1)
        {
            var selection = answers.Selection(deliveryId, questionId);
            if (option != Submit)
            {
                if (option < 0 || option >= question.Options.Count)
                {
                    return new AnswerOutcome(AnswerResult.Stale, Row: row);
                }

                selection.SubscriberId = presserId;
                if (!selection.Selected.Remove(option))
                {
                    selection.Selected.Add(option);
                }

                storage.Write(tx => answers.SaveSelection(tx, selection));
                return new AnswerOutcome(AnswerResult.Toggled, Question: question, Row: row);
            }

            if (selection.Selected.Count == 0)
            {
                return new AnswerOutcome(AnswerResult.NothingPicked, Question: question, Row: row);
            }

            selected = selection.Selected.Order().ToList();
        }
        else
        {
            if (option < 0 || option >= question.Options.Count)
            {
                return new AnswerOutcome(AnswerResult.Stale, Row: row);
            }

            selected = [option];
        }

        return Record(row, question, selected, OrderFor(row.SubscriberId, row.ItemId!, question), "inline");
    }

    public IReadOnlyCollection<int> Ticked(string deliveryId, string questionId) => answers.Selection(deliveryId, questionId).Selected;

    /// <summary>A poll_answer: the poll id is mapped back to its subscriber and question.</summary>
    public AnswerOutcome AnswerPoll(long userId, string pollId, IReadOnlyList<int> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sent = answers.FindPoll(pollId);
        if (sent is null || sent.SubscriberId != userId || options.Count == 0)
        {
            return new AnswerOutcome(AnswerResult.Stale);
        }

        var (row, question) = Resolve(sent.DeliveryId, sent.QuestionId);
        if (row is null || question is null)
        {
            return new AnswerOutcome(AnswerResult.Stale);
        }

        if (answers.Find(sent.DeliveryId, sent.QuestionId) is { } existing)
        {
            return new AnswerOutcome(AnswerResult.AlreadyAnswered, existing, question, row);
        }

        // Poll option ids are shown positions; the order the poll was sent in turns them back into authored indexes.
        var order = sent.Shown.Count == question.Options.Count ? sent.Shown : OptionOrder.Identity(question.Options.Count);
        if (options.Any(o => o < 0 || o >= order.Count))
        {
            return new AnswerOutcome(AnswerResult.Stale);
        }

        return Record(row, question, options.Select(o => order[o]).Order().ToList(), order, "poll");
    }

    /// <summary>
    /// A vote that may not be recorded (the person's consent must be asked again first): marks the poll's question to be
    /// asked again once they agree (<see cref="AskHeldAgainAsync"/>). False when the poll is not an unanswered one of theirs.
    /// </summary>
    public bool HoldPoll(long personId, string pollId)
    {
        var sent = answers.FindPoll(pollId);
        if (sent is null || sent.SubscriberId != personId || answers.Find(sent.DeliveryId, sent.QuestionId) is not null)
        {
            return false;
        }

        if (sent.HeldAt is null)
        {
            sent.HeldAt = clock.UtcNow.UtcDateTime;
            storage.Write(tx => answers.RecordSent(tx, sent));
        }

        return true;
    }

    /// <summary>Sends again, as new polls, the questions whose vote was held (<see cref="HoldPoll"/>).</summary>
    public async Task AskHeldAgainAsync(long personId, CancellationToken ct)
    {
        foreach (var deliveryId in answers.HeldFor(personId).Select(s => s.DeliveryId).Distinct(StringComparer.Ordinal))
        {
            if (ledger.Find(deliveryId) is { } row && row.SubscriberId == personId)
            {
                await SendQuizAsync(row, ct);
            }
        }
    }

    /// <summary>The question message after an answer: the choice, right or wrong, the explanation and the clause.</summary>
    public string AnsweredHtml(DeliveryRow row, QuizQuestion question, QuizAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        var item = content.Current.Find(answer.ItemId);
        var language = row.Language;
        var header = row.Kind == DeliveryKind.Review
            ? ReviewHeader.Format(language, TelegramHtml.Escape(item?.For(language).Title ?? ""))
            : QuestionHeader.Format(language, IndexOf(item, language, question) + 1, item?.For(language).Quiz.Count ?? 1, TelegramHtml.Escape(item?.For(language).Title ?? ""));
        var order = answer.Shown.Count == question.Options.Count ? answer.Shown : OptionOrder.Identity(question.Options.Count);
        var lines = new List<string>
        {
            QuestionHtml(header, question, language, order),
            "",
            YouChose.Format(language, ShownLetters(order, answer.Selected)),
            answer.Correct ? Right.For(language) : Wrong.Format(language, ShownLetters(order, question.Correct)),
            "💡 " + TelegramHtml.Escape(question.Explanation),
        };
        if (item is not null && item.Clauses.Count > 0)
        {
            lines.Add(Basis.Format(language, string.Join(", ", item.Clauses)));
        }

        return string.Join('\n', lines);
    }

    /// <summary>
    /// After the last question of a gated lesson: the locked button on the lesson message becomes the live acknowledgement
    /// button in place (editMessageReplyMarkup); only when that edit fails (the message was deleted or is too old to edit)
    /// does the button come in a new message.
    /// </summary>
    public async Task<UnlockResult> UnlockIfCompleteAsync(DeliveryRow row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Kind == DeliveryKind.Review || row.ItemId is null || !policies.For(row).RequireQuizBeforeAck)
        {
            return UnlockResult.None;
        }

        var item = content.Current.Find(row.ItemId);
        if (item is null || acknowledgements.NeedsQuizFirst(row, item) || acknowledgements.Find(row) is not null)
        {
            return UnlockResult.None;
        }

        var buttons = acknowledgements.ButtonsFor(row);
        if (buttons is null)
        {
            return UnlockResult.None;
        }

        var personId = row.SubscriberId;
        // The engagement row is the lesson message's only keyboard (the decorator adds nothing else), on its last part.
        if (row.MessageId is { } messageId && (await channel.EditButtonsAsync(personId, messageId, [buttons], ct)).Ok)
        {
            return UnlockResult.InPlace;
        }

        var sent = await channel.ReplyAsync(personId, new OutboundMessage(UnlockAck.Format(row.Language, TelegramHtml.Escape(item.For(row.Language).Title)), [buttons]), ct);
        return sent.Ok ? UnlockResult.NewMessage : UnlockResult.None;
    }

    // Authored indexes as the letters they had on screen, in screen order.
    private static string ShownLetters(IReadOnlyList<int> order, IEnumerable<int> authored) =>
        string.Join(", ", authored.Select(a => OptionOrder.PositionOf(order, a)).Where(p => p >= 0).Order().Select(Letter));

    private static int IndexOf(ContentItem? item, string language, QuizQuestion question) =>
        item is null ? 0 : Math.Max(0, item.For(language).Quiz.ToList().FindIndex(q => q.Id == question.Id));

    private (DeliveryRow? Row, QuizQuestion? Question) Resolve(string deliveryId, string questionId)
    {
        var row = ledger.Find(deliveryId);
        if (row?.ItemId is null)
        {
            return (row, null);
        }

        var item = content.Current.Find(row.ItemId);
        var question = item?.For(row.Language).Quiz.FirstOrDefault(q => q.Id == questionId);
        return (row, question);
    }

    // The answer, its review schedule and what observers count commit together.
    private AnswerOutcome Record(DeliveryRow row, QuizQuestion question, IReadOnlyList<int> selected, IReadOnlyList<int> shown, string mode) =>
        storage.Write(tx => Record(tx, row, question, selected, shown, mode));

    private AnswerOutcome Record(ITransaction tx, DeliveryRow row, QuizQuestion question, IReadOnlyList<int> selected, IReadOnlyList<int> shown, string mode)
    {
        var correct = selected.Order().SequenceEqual(question.Correct.Order());
        var (stored, created) = answers.Add(tx, new QuizAnswer
        {
            Id = QuizAnswer.IdFor(row.Id, question.Id),
            SubscriberId = row.SubscriberId,
            DeliveryId = row.Id,
            ItemId = row.ItemId!,
            QuestionId = question.Id,
            QuestionKey = $"{row.ItemId}:{question.Id}",
            Selected = [.. selected],
            Shown = [.. shown],
            Correct = correct,
            Mode = mode,
            IsReview = row.Kind == DeliveryKind.Review,
            UnitCode = row.UnitCode,
            Role = row.Role,
            AnsweredAt = clock.UtcNow.UtcDateTime,
        });
        if (!created)
        {
            return new AnswerOutcome(AnswerResult.AlreadyAnswered, stored, question, row);
        }

        review.OnAnswered(tx, stored, row);
        foreach (var observer in observers)
        {
            try
            {
                observer.OnAnswered(tx, stored);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not Storage.StorageConflictException)
            {
                log.LogError(ex, "Engagement observer {Observer} failed on an answer", observer.GetType().Name);
            }
        }

        return new AnswerOutcome(AnswerResult.Recorded, stored, question, row);
    }

    internal static bool TryParsePayload(string payload, out string deliveryId, out string questionId, out int option)
    {
        deliveryId = questionId = "";
        option = 0;
        var parts = (payload ?? "").Split('|');
        if (parts.Length != 3 || !int.TryParse(parts[2], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out option))
        {
            return false;
        }

        deliveryId = parts[0];
        questionId = parts[1];
        return true;
    }
}
