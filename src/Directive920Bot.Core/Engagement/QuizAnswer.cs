using Directive920Bot.Registration;

namespace Directive920Bot.Engagement;

/// <summary>The first answer to one question of one delivery; later presses change nothing.</summary>
public sealed class QuizAnswer
{
    /// <summary>The id of an answer, and of the question sent (<see cref="QuizQuestionSent"/>) and its selection (<see cref="QuizSelection"/>).</summary>
    public static string IdFor(string deliveryId, string questionId) => $"{deliveryId}|{questionId}";

    /// <summary><c>{deliveryId}|{questionId}</c>.</summary>
    public string Id { get; set; } = "";

    public long SubscriberId { get; set; }

    public string DeliveryId { get; set; } = "";

    public string ItemId { get; set; } = "";

    public string QuestionId { get; set; } = "";

    /// <summary><c>{itemId}:{questionId}</c>: the per-question index reports group by.</summary>
    public string QuestionKey { get; set; } = "";

    /// <summary>The authored indexes (0-based, file order) of the options chosen, whatever order they were shown in.</summary>
    public List<int> Selected { get; set; } = [];

    /// <summary>The order the options were shown in (<c>Shown[position] = authored index</c>, see <see cref="OptionOrder"/>);
    /// empty for answers stored before options were shuffled, which were shown in authored order.</summary>
    public List<int> Shown { get; set; } = [];

    public bool Correct { get; set; }

    /// <summary>"inline" or "poll".</summary>
    public string Mode { get; set; } = "inline";

    /// <summary>An answer to a spaced-review or weekly-review question rather than the lesson's own quiz.</summary>
    public bool IsReview { get; set; }

    public string? UnitCode { get; set; }

    public CadreRole? Role { get; set; }

    public DateTime AnsweredAt { get; set; }
}
