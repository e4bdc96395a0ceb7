namespace Directive920Bot.Registration;

/// <summary>
/// A unit's own registered subscribers (not its sub-units'), and of them how many are active, blocked and stopped, and
/// how many use Telegram only, Zalo only and both (people, never addresses).
/// </summary>
public sealed record MemberCount(int Registered, int Active, int Blocked, int Stopped, int TelegramOnly = 0, int ZaloOnly = 0, int Both = 0);
