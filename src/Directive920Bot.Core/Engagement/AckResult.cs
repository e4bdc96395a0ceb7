namespace Directive920Bot.Engagement;

public enum AckResult
{
    Recorded,
    AlreadyRecorded,
    DeliveryMissing,
    ItemDeleted,
    NotYours,
    QuizFirst,
}
