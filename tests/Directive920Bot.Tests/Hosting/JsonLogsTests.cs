using System.Diagnostics;
using System.Text.Json;
using Directive920Bot.Emulator;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Hosting;

/// <summary>
/// The built program, run as an operator runs it (its own process, Logging:Json=true, debug level), through a roster
/// import and a whole registration; ALL it writes (stdout and stderr, of the CLI verbs and the service) is read back.
/// Every line is one JSON object, and none carries the token, a registered full name or a phone number — neither as
/// written nor once the JSON escapes (Vietnamese letters are written as \uXXXX) are decoded.
/// </summary>
public sealed class JsonLogsTests
{
    private const long Person = 3601;
    private const string FullName = "Phạm Thị Dung";
    private const string RegisteredName = "Hoàng Văn Em";
    private const string Phone = "0912345678";

    [Fact]
    public async Task A_full_run_writes_json_lines_without_the_token_or_personal_data()
    {
        await using var emulator = await BotApiEmulator.StartAsync();
        emulator.RateLimits.Enabled = false;
        var directory = Path.Combine(Path.GetTempPath(), "d920-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "bot.db");
        var roster = Path.Combine(directory, "roster.csv");
        await File.WriteAllTextAsync(roster, $"full_name,unit_code,role,position,phone\n{FullName},SNV-VP,staff,Chuyên viên,{Phone}\n");
        var output = new List<string>();
        var environment = new Dictionary<string, string>
        {
            ["Logging__Json"] = "true",
            ["Logging__LogLevel__Default"] = "Debug",
            // The child process runs in Production, which needs the controller named in the consent text.
            ["Privacy__Controller"] = "Đảng ủy Khối thử nghiệm",
            ["Privacy__Contact"] = "vanphong@example.vn",
            ["Telegram__BotToken"] = emulator.Token,
            ["Telegram__ApiBaseUrl"] = emulator.BaseUrl.ToString().TrimEnd('/'),
            ["Telegram__PollTimeoutSeconds"] = "1",
            ["Storage__DatabasePath"] = database,
            ["Content__Path"] = Path.Combine(BotHarness.RepoRoot, "content"),
            ["Content__WatchForChanges"] = "false",
            ["urls"] = "http://127.0.0.1:0",
        };
        try
        {
            Assert.Equal(0, await RunToEndAsync(environment, output, directory, "units", "import", Path.Combine(BotHarness.RepoRoot, "content", "demo", "units.csv"), "--database", database));
            Assert.Equal(0, await RunToEndAsync(environment, output, directory, "roster", "import", roster, "--database", database));

            using (var service = Start(environment, output, directory))
            {
                try
                {
                    await emulator.WaitUntilAsync(() => emulator.Calls.Any(c => c.Method == "getUpdates"), TimeSpan.FromSeconds(60));
                    await RegisterAsync(emulator);
                }
                finally
                {
                    service.Kill(entireProcessTree: true);
                    await service.WaitForExitAsync();
                }
            }

            string[] lines;
            lock (output)
            {
                lines = [.. output.Where(l => l.Length > 0)];
            }

            Assert.NotEmpty(lines);
            var secret = emulator.Token.Split(':')[1];
            foreach (var line in lines)
            {
                using var json = JsonDocument.Parse(line);
                var text = line + "\n" + string.Join("\n", Strings(json.RootElement));
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
                Assert.DoesNotContain(FullName, text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(RegisteredName, text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(Phone, text, StringComparison.Ordinal);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task RegisterAsync(BotApiEmulator emulator)
    {
        emulator.AddUser(Person, "Em", lastName: "Hoàng Văn");
        await ExpectAsync(emulator, () => emulator.SendText(Person, "/start"), "Đồng ý");
        await ExpectAsync(emulator, () => Press(emulator, "Đồng ý"), null);
        await ExpectAsync(emulator, () => emulator.SendText(Person, RegisteredName), null);
        await ExpectAsync(emulator, () => emulator.SendText(Person, "SNV-VP"), "Văn phòng Sở Nội vụ");
        await ExpectAsync(emulator, () => Press(emulator, "Văn phòng Sở Nội vụ"), "Cán bộ");
        await ExpectAsync(emulator, () => Press(emulator, "Cán bộ"), "Xác nhận");
        await ExpectAsync(emulator, () => Press(emulator, "Xác nhận"), null);
        await ExpectAsync(emulator, () => emulator.SendText(Person, "/help"), null);
    }

    private static void Press(BotApiEmulator emulator, string label)
    {
        var message = emulator.Transcript(Person).Last(m => m.FromBot && m.Buttons.SelectMany(r => r).Any(b => b.Text.Contains(label, StringComparison.Ordinal)));
        var button = message.Buttons.SelectMany(r => r).First(b => b.Text.Contains(label, StringComparison.Ordinal));
        emulator.PressButton(Person, message.MessageId, button.CallbackData!);
    }

    /// <summary>Runs the action and waits for a new bot message (with a button labelled <paramref name="button"/>, when given).</summary>
    private static async Task ExpectAsync(BotApiEmulator emulator, Action action, string? button)
    {
        var before = emulator.Transcript(Person).Count(m => m.FromBot);
        var version = emulator.Transcript(Person).Where(m => m.FromBot).Select(m => m.Text + string.Join("|", m.Buttons.SelectMany(r => r).Select(b => b.Text))).ToList();
        action();
        try
        {
            await emulator.WaitUntilAsync(() =>
            {
                var now = emulator.Transcript(Person).Where(m => m.FromBot).ToList();
                var changed = now.Count > before || !now.Select(m => m.Text + string.Join("|", m.Buttons.SelectMany(r => r).Select(b => b.Text))).SequenceEqual(version);
                return changed && (button is null || now.Any(m => m.Buttons.SelectMany(r => r).Any(b => b.Text.Contains(button, StringComparison.Ordinal))));
            }, TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("No reply. Transcript:\n" + emulator.DescribeTranscript(Person));
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString() ?? ""],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static Process Start(Dictionary<string, string> environment, List<string> output, string directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Directive920Bot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Telegram__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Sandbox__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Collect(output, e.Data);
        process.ErrorDataReceived += (_, e) => Collect(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Collect(List<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }
    }

    private static async Task<int> RunToEndAsync(Dictionary<string, string> environment, List<string> output, string directory, params string[] args)
    {
        var verbOutput = new List<string>();
        using var process = Start(environment, verbOutput, directory, args);
        await process.WaitForExitAsync();
        lock (output)
        {
            // A verb's own report ("Imported 1 …") is plain text for the operator; its log lines must be JSON like the service's.
            output.AddRange(verbOutput.Where(l => l.StartsWith('{')));
        }

        Assert.DoesNotContain(verbOutput, l => l.Contains(FullName, StringComparison.Ordinal) || l.Contains(Phone, StringComparison.Ordinal));
        return process.ExitCode;
    }
}
