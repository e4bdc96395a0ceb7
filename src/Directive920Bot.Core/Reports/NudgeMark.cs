namespace Directive920Bot.Reports;

/// <summary>The day a unit was nudged about an item: at most once a day per item per unit.</summary>
public sealed class NudgeMark
{
    /// <summary><c>{unit}|{item}|{yyyy-MM-dd local}</c>.</summary>
    public string Id { get; set; } = "";

    public long Actor { get; set; }

    public DateTime At { get; set; }
}
