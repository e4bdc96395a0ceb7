namespace Directive920Bot.Delivery;

public enum DeliveryKind
{
    Lesson,
    Announcement,
    Reminder,
    Quiz,
    Review,
    Digest,
    Nudge,
}
