using Directive920Bot.Content;
using Directive920Bot.Delivery;

namespace Directive920Bot.Engagement;

/// <summary>A received item as /lessons shows it; <see cref="Delivery"/> is the row a fresh acknowledgement is tied to.</summary>
public sealed record ReceivedLesson(ContentItem Item, DeliveryRow Delivery, LessonStatus Status, Acknowledgement? Acknowledgement);
