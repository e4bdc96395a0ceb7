using System.Globalization;
using Directive920Bot.Channels;
using Directive920Bot.Content;
using Directive920Bot.Engagement;
using Directive920Bot.Hosting;
using Directive920Bot.Storage;
using static Directive920Bot.Questions.QuestionTexts;

namespace Directive920Bot.Questions;

/// <summary>
/// "Ask the notice": <c>/hoi</c> (<c>/ask</c>) and any plain message of a registered cadre that is not a dialogue step.
/// Answers with the course's own passages and their item ids; a question it cannot answer is kept for the propaganda
/// staff, and the cadre may forward it to them with one button.
/// </summary>
public sealed class QuestionHandler(
    NoticeSearch search,
    IUnansweredQuestions unanswered,
    ProgressService progress,
    ContentService content,
    IStorage storage,
    CallbackKeyStore keys,
    BotClock clock,
    ILogger<QuestionHandler> log) : ICommandHandler, ICallbackHandler, IFreeTextHandler
{
    public const string ForwardAction = "ask.fwd";

    /// <summary>Longer texts are not questions but pasted documents; the search would drown in them.</summary>
    public const int MaxLength = 500;

    private const int PassageLength = 400;
    private const int LabelLength = 48;

    public IReadOnlyList<CommandSpec> Commands { get; } =
    [
        new("ask", new("Hỏi về nội dung Thông báo", "Ask about the notice"), CommandAccess.Registered, true, "hoi"),
    ];

    public string Feature => "ask";

    public async Task HandleAsync(BotContext context, CommandSpec command, string arguments, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(arguments))
        {
            await context.ReplyAsync(Usage, ct);
            return;
        }

        await AnswerAsync(context, arguments, ct);
    }

    public async Task<bool> TryHandleAsync(BotContext context, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(message);

        // Only a registered cadre's words are questions; before that, a message is part of nothing and is "not understood".
        if (!context.IsRegistered || string.IsNullOrWhiteSpace(message.Text))
        {
            return false;
        }

        await AnswerAsync(context, message.Text, ct);
        return true;
    }

    public async Task<CallbackReply> HandleAsync(BotContext context, CallbackKey key, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(press);
        if (key.Action != ForwardAction || unanswered.Find(key.Payload) is not { } question)
        {
            return CallbackReply.Silent;
        }

        if (!question.Forwarded)
        {
            question.Forwarded = true;
            await storage.WriteAsync(tx => unanswered.Save(tx, question));
            if (press is { MessageId: { } id, MessageHtml: { } html })
            {
                await context.Sender.EditAsync(context.PersonId, id, new OutboundMessage(html + "\n\n" + context.T(ForwardedNote)), ct);
            }
        }

        return new CallbackReply(context.T(Forwarded));
    }

    private async Task AnswerAsync(BotContext context, string text, CancellationToken ct)
    {
        var question = text.Trim();
        if (question.Length > MaxLength)
        {
            await context.ReplyAsync(TooLong.Format(context.Language, question.Length, MaxLength), ct);
            return;
        }

        var answer = search.Ask(question, context.Language);
        if (!answer.Found)
        {
            await NotFoundAsync(context, question, answer.Confidence, ct);
            return;
        }

        var received = progress.Lessons(context.PersonId).Select(l => l.Item.Id).ToHashSet(StringComparer.Ordinal);
        var catalog = content.Current;
        var lines = new List<string> { context.T(Heading), "" };
        var buttons = new List<IReadOnlyList<OutboundButton>>();
        foreach (var (passage, n) in answer.Passages.Select((p, i) => (p, i + 1)))
        {
            var label = ItemLabel.Format(context.Language, string.Join(", ", passage.ItemIds));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{n}. <b>{label}</b>: {TelegramHtml.Escape(Shorten(passage.Text, PassageLength))}"));
            if (passage.LessonId is { } lessonId && catalog.Find(lessonId) is { } lesson)
            {
                var title = lesson.For(context.Language).Title;
                lines.Add("    " + LessonLine.Format(context.Language, TelegramHtml.Escape(title)));

                // A lesson the cadre has received opens in place; one not yet sent arrives with the course.
                if (received.Contains(lessonId))
                {
                    buttons.Add([new OutboundButton(Shorten(OpenButton.Format(context.Language, title), LabelLength), keys.Issue(context.PersonId, EngagementHandler.OpenAction, lessonId))]);
                }
            }
        }

        lines.Add("");
        lines.Add(context.T(SourceNote));
        await context.ReplyAsync(new OutboundMessage(string.Join('\n', lines), buttons.Count > 0 ? buttons : null), ct);
    }

    private async Task NotFoundAsync(BotContext context, string question, double confidence, CancellationToken ct)
    {
        var stored = new UnansweredQuestion
        {
            Id = Guid.NewGuid().ToString("N"),
            Text = question,
            Language = context.Language,
            UnitCode = context.Subscriber?.UnitCode,
            // The day as people in the province name it (a question at 06:30 in Vinh is that day's, not the UTC day's).
            AskedOn = DateTime.SpecifyKind(clock.LocalNow.Date, DateTimeKind.Utc),
            Confidence = Math.Round(confidence, 3),
        };
        await storage.WriteAsync(tx => unanswered.Save(tx, stored));
        log.LogInformation("A question from unit {Unit} was not found in the course (confidence {Confidence:0.00})", stored.UnitCode, confidence);
        await context.ReplyAsync(new OutboundMessage(context.T(NotFound)).WithButtons(
            [new OutboundButton(context.T(ForwardButton), keys.Issue(context.PersonId, ForwardAction, stored.Id))]), ct);
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
