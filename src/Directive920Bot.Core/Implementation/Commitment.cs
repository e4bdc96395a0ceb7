namespace Directive920Bot.Implementation;

/// <summary>
/// A cadre's personal commitments (bản đăng ký cam kết) for one year: at most one per staff requirement. Id:
/// <c>{year}|{personId}</c>. Personal data: exported by /mydata, erased by /delete.
/// </summary>
public sealed class Commitment
{
    public string Id { get; set; } = "";

    public long PersonId { get; set; }

    public int Year { get; set; }

    /// <summary>The cadre's unit when they last changed it: the unit leader of that unit sees it.</summary>
    public string? UnitCode { get; set; }

    public List<CommitmentItem> Items { get; set; } = [];

    public DateTime UpdatedAt { get; set; }

    public static string IdFor(int year, long personId) => FormattableString.Invariant($"{year}|{personId}");
}
