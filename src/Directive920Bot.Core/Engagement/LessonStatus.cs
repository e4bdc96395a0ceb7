namespace Directive920Bot.Engagement;

public enum LessonStatus
{
    Acknowledged,
    Waiting,
    ReackRequested,
}
