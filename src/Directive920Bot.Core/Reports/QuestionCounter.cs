namespace Directive920Bot.Reports;

/// <summary>Quiz figures for one question in one unit.</summary>
public sealed class QuestionCounter
{
    /// <summary><c>{unitCode}|{questionId}</c>.</summary>
    public string Id { get; set; } = "";

    public string UnitCode { get; set; } = "";

    public string QuestionId { get; set; } = "";

    public string? ItemId { get; set; }

    public int Answered { get; set; }

    public int Correct { get; set; }

    /// <summary>First answers whose options were tallied in <see cref="Chosen"/> (answers counted before the tally have none).</summary>
    public int Tallied { get; set; }

    /// <summary>How many tallied first answers chose each option, by authored index (file order, 0-based).</summary>
    public List<int> Chosen { get; set; } = [];
}
