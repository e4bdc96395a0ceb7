using System.Text.RegularExpressions;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Architecture;

/// <summary>
/// Telegram.Bot belongs to the Telegram adapter (<c>src/Directive920Bot.Core/Telegram/</c>): features take the
/// channel-neutral events of <c>Channels/</c>, so that a second channel (Zalo) is a second adapter, not a copy of the
/// features. One project still holds both, so the compiler cannot refuse a feature that names a Telegram.Bot type:
/// this source scan does. The same holds outbound: features send through <c>Channels/IChannelSender</c>, never through the
/// adapter's own sender or the Bot API client.
/// </summary>
public sealed partial class ChannelBoundaryTests
{
    private const string Adapter = "Telegram/";

    private static readonly string ProjectRoot = Path.Combine(BotHarness.RepoRoot, "src", "Directive920Bot.Core");

    [Fact]
    public void No_file_outside_the_Telegram_adapter_names_Telegram_Bot()
    {
        // Comments are scanned too: a <see cref="Telegram.Bot.Types.Message"/> names the type as much as code does.
        var findings = SourceLines()
            .Where(l => !l.File.StartsWith(Adapter, StringComparison.Ordinal) && NamesTelegramBot(l.Line))
            .Select(l => $"{l.File}:{l.Number}: names Telegram.Bot outside {Adapter}: {l.Line.Trim()}")
            .ToList();

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Fact]
    public void No_file_outside_the_Telegram_adapter_names_its_sender_or_the_Bot_API_client()
    {
        // The outbound half of the seam: features send through Channels.IChannelSender. A feature that took the
        // adapter's sender (or the client behind it) would compile, as both sit in this project, and tie it to Telegram.
        var findings = SourceLines()
            .Where(l => !l.File.StartsWith(Adapter, StringComparison.Ordinal) && NamesTheAdaptersSender(l.Line))
            .Select(l => $"{l.File}:{l.Number}: names the Telegram sender or client outside {Adapter}: {l.Line.Trim()}")
            .ToList();

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Fact]
    public void The_adapter_does_not_hand_Telegram_Bot_to_every_file_with_a_global_using()
    {
        // A global using (in a source file or as a <Using> item of the project) would let any feature name Message
        // or CallbackQuery unqualified, which the line scan above cannot see.
        var findings = SourceLines()
            .Where(l => GlobalUsing().IsMatch(l.Line) && NamesTelegramBot(l.Line))
            .Select(l => $"{l.File}:{l.Number}: {l.Line.Trim()}")
            .ToList();
        foreach (var project in Directory.EnumerateFiles(ProjectRoot, "*.csproj")
            .Concat(Directory.EnumerateFiles(BotHarness.RepoRoot, "Directory.*.props"))
            .Concat(Directory.EnumerateFiles(BotHarness.RepoRoot, "Directory.*.targets")))
        {
            findings.AddRange(File.ReadLines(project).Where(line => UsingItem().IsMatch(line)).Select(line => $"{Path.GetFileName(project)}: {line.Trim()}"));
        }

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Fact]
    public void The_scan_reads_the_real_sources_and_finds_the_adapter_itself()
    {
        // Without this, a wrong root or pattern would make the boundary test pass on nothing.
        var lines = SourceLines().ToList();
        Assert.Contains(lines, l => l.File.StartsWith("Channels/", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.File.StartsWith(Adapter, StringComparison.Ordinal) && NamesTelegramBot(l.Line));
        Assert.DoesNotContain(lines, l => l.File.StartsWith("obj/", StringComparison.Ordinal) || l.File.StartsWith("bin/", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.File == Adapter + "Messenger.cs" && NamesTheAdaptersSender(l.Line));
        Assert.Contains(lines, l => l.File.StartsWith(Adapter, StringComparison.Ordinal) && l.Line.Contains("ITelegramBotClient", StringComparison.Ordinal) && NamesTheAdaptersSender(l.Line));
    }

    [Theory]
    [InlineData("using Telegram.Bot;", true)]
    [InlineData("using Telegram.Bot.Types;", true)]
    [InlineData("using Telegram.Bot.Types.Enums;", true)]
    [InlineData("global using Telegram.Bot.Types;", true)]
    [InlineData("using TgMessage = Telegram.Bot.Types.Message;", true)]
    [InlineData("    case global::Telegram.Bot.Types.Enums.ChatMemberStatus.Kicked:", true)]
    [InlineData("public Task HandleAsync(Telegram.Bot.Types.CallbackQuery query) =>", true)]
    [InlineData("/// <see cref=\"Telegram.Bot.Types.Message\"/>", true)]
    [InlineData("using Directive920Bot.Telegram;", false)]
    [InlineData("var registrar = typeof(Directive920Bot.Telegram.BotCommandsRegistrar);", false)]
    [InlineData("/// <see cref=\"Telegram.CallbackKey\"/>", false)]
    [InlineData("// the Telegram adapter answers every button press once", false)]
    public void The_scan_recognises_a_use_of_Telegram_Bot(string line, bool flagged) =>
        Assert.Equal(flagged, NamesTelegramBot(line));

    [Theory]
    [InlineData("    Messenger messenger,", true)]
    [InlineData("public Messenger Messenger { get; } = messenger;", true)]
    [InlineData("var sender = sp.GetRequiredService<Directive920Bot.Telegram.Messenger>();", true)]
    [InlineData("/// through <see cref=\"Messenger\"/> and the gate", true)]
    [InlineData("        await context.Messenger.EditAsync(context.ChatId, id, message, ct);", true)]
    [InlineData("public sealed class Probe(ITelegramBotClient bot)", true)]
    [InlineData("services.AddSingleton<ITelegramBotClient>(client);", true)]
    [InlineData("var client = new TelegramBotClient(options, http);", true)]
    [InlineData("    IChannelSender channel,", false)]
    [InlineData("        await context.Sender.EditAsync(context.ChatId, id, message, ct);", false)]
    [InlineData("private readonly IChannelSender messenger;", false)]
    [InlineData("// a messenger app such as Zalo", false)]
    [InlineData("public sealed class MessengerOptions", false)]
    public void The_scan_recognises_a_use_of_the_adapters_sender_or_client(string line, bool flagged) =>
        Assert.Equal(flagged, NamesTheAdaptersSender(line));

    [Theory]
    [InlineData("<Using Include=\"Telegram.Bot.Types\" />", true)]
    [InlineData("  <Using Include=\"Telegram.Bot\" Alias=\"Tg\" />", true)]
    [InlineData("<PackageReference Include=\"Telegram.Bot\" />", false)]
    public void The_scan_recognises_a_global_using_item_of_a_project(string line, bool flagged) =>
        Assert.Equal(flagged, UsingItem().IsMatch(line));

    private static bool NamesTelegramBot(string line) => TelegramBot().IsMatch(line);

    private static bool NamesTheAdaptersSender(string line) => AdaptersSender().IsMatch(line);

    private static IEnumerable<(string File, int Number, string Line)> SourceLines()
    {
        foreach (var path in Directory.EnumerateFiles(ProjectRoot, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(ProjectRoot, path).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal))
            {
                continue;
            }

            var number = 0;
            foreach (var line in File.ReadLines(path))
            {
                number++;
                yield return (relative, number, line);
            }
        }
    }

    // The namespace Telegram.Bot or anything in it, but not our own Directive920Bot.Telegram (preceded by a dot).
    [GeneratedRegex(@"(?<![\w.])Telegram\.Bot\b")]
    private static partial Regex TelegramBot();

    // The type names, qualified or not, in code and in comments; a variable called messenger (lower case) is no use of them.
    [GeneratedRegex(@"\b(Messenger|I?TelegramBotClient)\b")]
    private static partial Regex AdaptersSender();

    [GeneratedRegex(@"^\s*global\s+using\b")]
    private static partial Regex GlobalUsing();

    [GeneratedRegex(@"<Using\s+Include\s*=\s*""Telegram\.Bot\b")]
    private static partial Regex UsingItem();
}
