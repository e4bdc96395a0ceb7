namespace Directive920Bot.Emulator;

/// <summary>Placeholder; the emulator is built in its own change.</summary>
public sealed class BotApiEmulator
{
}
