using Directive920Bot.Content;
using Directive920Bot.Delivery;

namespace Directive920Bot.Engagement;

public sealed record AnswerOutcome(AnswerResult Result, QuizAnswer? Answer = null, QuizQuestion? Question = null, DeliveryRow? Row = null);
