namespace Directive920Bot.Reports;

/// <summary>One row of the unit export as XLSX: the rates are numbers (0–1) shown with a percent format, so Excel can sum and sort them.</summary>
public sealed record UnitXlsxRow(string Code, string Name, string? Parent, int Roster, int Registered, int Active, int Blocked, int Stopped,
    int Delivered, int Acknowledged, double? AckRate, double? AckRateRoster, double? RegisteredRate, int TelegramOnly, int ZaloOnly, int BothChannels)
{
    /// <summary>The 1-based sheet columns of the three rates, in declaration order above.</summary>
    public static readonly int[] PercentColumns = [11, 12, 13];
}
