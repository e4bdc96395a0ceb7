namespace Directive920Bot.Emulator.Tests;

public sealed class PlaceholderTests
{
    [Fact]
    public void Emulator_type_exists() => Assert.NotNull(typeof(BotApiEmulator).FullName);
}
