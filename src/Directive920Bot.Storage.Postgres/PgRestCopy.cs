using Directive920Bot.Implementation;
using Directive920Bot.Questions;
using Directive920Bot.WebConsole;

namespace Directive920Bot.Storage.Postgres;

/// <summary>The small features' sections on PostgreSQL: unanswered questions, implementation reports and commitments, the console's state, the image links.</summary>
internal static class PgRestCopy
{
    public static IEnumerable<PgCopySection> Sections(IServiceProvider services, PostgresStorage db)
    {
        var questions = (Questions.PgUnansweredQuestions)services.GetRequiredService<IUnansweredQuestions>();
        yield return PgCopySection.Table<UnansweredQuestion>(db, "unanswered_questions", questions.Save);
        var reports = (Implementation.PgImplementationReports)services.GetRequiredService<IImplementationReports>();
        yield return PgCopySection.Table<ImplementationReport>(db, "impl_reports", reports.Save);
        yield return PgCopySection.Table<PeriodLock>(db, "impl_locks", reports.SaveLock);
        yield return PgCopySection.Table<ImplementationDraft>(db, "impl_drafts", reports.SaveDraft);
        var commitments = (Implementation.PgCommitments)services.GetRequiredService<ICommitments>();
        yield return PgCopySection.Table<Commitment>(db, "impl_commitments", commitments.Save);
        var console = (WebConsole.PgConsoleSignIns)services.GetRequiredService<IConsoleSignIns>();
        yield return PgCopySection.Table<ConsoleSessionStamp>(db, "console_sessions", (tx, s) => console.SetStamp(tx, s.Id, s.Stamp, s.ChangedAt));
        var handled = (WebConsole.PgHandledMarks)services.GetRequiredService<IHandledMarks>();
        yield return PgCopySection.Table<HandledMark>(db, "console_handled", (tx, mark) => handled.TryAdd(tx, mark));
        var media = (Media.PgMediaLinks)services.GetRequiredService<Directive920Bot.Media.IMediaLinks>();
        yield return PgCopySection.Table<Directive920Bot.Media.MediaLink>(db, "media_links", media.Add);
    }
}
