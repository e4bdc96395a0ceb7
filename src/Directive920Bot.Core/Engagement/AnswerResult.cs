namespace Directive920Bot.Engagement;

public enum AnswerResult
{
    Recorded,
    AlreadyAnswered,
    Toggled,
    NothingPicked,
    Stale,
}
