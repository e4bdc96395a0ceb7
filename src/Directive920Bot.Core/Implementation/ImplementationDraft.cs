namespace Directive920Bot.Implementation;

/// <summary>Where a unit admin is in <c>/thuchien</c>: the unit, period and requirement on screen and the text being asked for.</summary>
public sealed class ImplementationDraft
{
    /// <summary>The admin's Telegram user id.</summary>
    public long Id { get; set; }

    public string UnitCode { get; set; } = "";

    public string PeriodId { get; set; } = "";

    public string RequirementId { get; set; } = "";

    /// <summary>The text field the next typed message fills (<see cref="ImplementationField"/> name), or null.</summary>
    public string? Field { get; set; }
}
