using Directive920Bot.Channels;
using Directive920Bot.Localization;
using Directive920Bot.Registration;
using Directive920Bot.Storage;

namespace Directive920Bot.Delivery;

/// <summary>/pause (/tamdung) and /resume (/tieptuc): stop and restart lesson (and review) pushes; both idempotent.</summary>
public sealed class PauseHandler(ISubscribers subscribers, TrackService track, IEnumerable<IPauseObserver> observers, IStorage storage) : ICommandHandler
{
    internal static readonly Loc Paused = new(
        "Đã tạm dừng gửi bài học và câu hỏi ôn tập. Đồng chí vẫn dùng được các lệnh khác; gõ /tieptuc khi muốn nhận bài tiếp.",
        "Lesson messages are paused, and review questions too. Other commands still work; type /resume when you want lessons again.");

    internal static readonly Loc AlreadyPaused = new(
        "Việc gửi bài học và câu hỏi ôn tập cho đồng chí đang tạm dừng. Gõ /tieptuc để nhận tiếp.",
        "Lessons and review questions are already paused for you. Type /resume to continue.");

    internal static readonly Loc Resumed = new(
        "Đã tiếp tục gửi bài học và câu hỏi ôn tập. Bài tiếp theo sẽ đến vào giờ học thường lệ.",
        "Lessons and review questions are back on. The next lesson arrives at the usual time.");

    internal static readonly Loc NotPaused = new(
        "Đồng chí đang nhận bài học bình thường, không cần tiếp tục.",
        "Your lessons are not paused; nothing to resume.");

    public IReadOnlyList<CommandSpec> Commands { get; } =
    [
        new("pause", new("Tạm dừng nhận bài học", "Pause lessons"), CommandAccess.Registered, true, "tamdung"),
        new("resume", new("Tiếp tục nhận bài học", "Resume lessons"), CommandAccess.Registered, true, "tieptuc"),
    ];

    public async Task HandleAsync(BotContext context, CommandSpec command, string arguments, InboundText message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var subscriber = subscribers.Find(context.PersonId);
        if (subscriber is null || !subscriber.IsRegistered)
        {
            return;
        }

        var pause = command.Name == "pause";
        if (subscriber.Paused == pause)
        {
            await context.ReplyAsync(pause ? AlreadyPaused : NotPaused, ct);
            return;
        }

        subscriber.Paused = pause;
        await storage.WriteAsync(tx => subscribers.Save(tx, subscriber));
        if (!pause)
        {
            // Plan the next step now rather than at the next track tick.
            track.AdvanceOne(subscriber);
        }

        foreach (var observer in observers)
        {
            observer.OnPauseChanged(subscriber, pause);
        }

        await context.ReplyAsync(pause ? Paused : Resumed, ct);
    }
}
