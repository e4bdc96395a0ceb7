namespace Directive920Bot.Reports;

/// <summary>One row of the unit export.</summary>
public sealed record UnitRow(string Code, string Name, string? Parent, int Roster, int Registered, int Active, int Blocked, int Stopped,
    int Delivered, int Acknowledged, string AckRate, string AckRateRoster, string RegisteredRate, int TelegramOnly, int ZaloOnly, int BothChannels);
