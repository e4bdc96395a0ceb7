namespace Directive920Bot.Engagement;

/// <summary>Options ticked so far on a question with several right answers, before "Send answer".</summary>
public sealed class QuizSelection
{
    public string Id { get; set; } = "";

    public long SubscriberId { get; set; }

    public List<int> Selected { get; set; } = [];
}
