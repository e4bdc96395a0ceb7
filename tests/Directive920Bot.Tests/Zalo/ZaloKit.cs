using System.Text.RegularExpressions;
using Directive920Bot.Channels;
using Directive920Bot.Emulator;
using Directive920Bot.Registration;
using Directive920Bot.Tests.Engagement;
using Directive920Bot.Tests.Infrastructure;
using Directive920Bot.Zalo;

namespace Directive920Bot.Tests.Zalo;

/// <summary>
/// The real host with both channels on, against the emulator's Zalo dialect (same process as its Telegram API), and a
/// way to play a Zalo user: say something, wait until the service has handled it, read what the bot answered, and
/// choose a numbered typed reply by its label.
/// </summary>
internal sealed partial class ZaloKit : IAsyncDisposable
{
    private ZaloKit(BotApiEmulator emulator, BotHarness bot)
    {
        Emulator = emulator;
        Bot = bot;
    }

    public BotApiEmulator Emulator { get; }

    public BotHarness Bot { get; }

    public ZaloDialect Zalo => Emulator.Zalo;

    /// <param name="publicBase">
    /// Serve images by link: the host listens on a port chosen now and <c>Admin:PublicBaseUrl</c> is that address
    /// followed by this path ("" for the address itself); null: no public address, images go to Zalo as text.
    /// </param>
    public static async Task<ZaloKit> StartAsync(bool webhook = false, IDictionary<string, string?>? extra = null, string? publicBase = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var emulator = await BotApiEmulator.StartAsync();
        emulator.RateLimits.Enabled = false;
        var settings = EngagementKit.Settings(extra);
        settings["Zalo:BotToken"] = emulator.Zalo.Token;
        settings["Zalo:ApiBaseUrl"] = emulator.ZaloBaseUrl.ToString();
        settings["Zalo:PollTimeoutSeconds"] = "1";
        settings["Zalo:PerChatInterval"] = "00:00:00";
        settings["Zalo:MessagesPerSecond"] = "1000";
        if (publicBase is not null)
        {
            // The address is in the configuration before the host binds it, as a deployment's public address would be.
            var port = BotHarness.FreeLoopbackPort();
            settings["urls"] = $"http://127.0.0.1:{port}";
            settings["Admin:PublicBaseUrl"] = $"http://127.0.0.1:{port}{publicBase}";
        }

        if (webhook)
        {
            settings["Zalo:Mode"] = "Webhook";
            settings["Zalo:WebhookSecret"] = BotHarness.WebhookSecret;
            // https is what the validator asks of a real webhook; the emulator posts to the host's own http port instead.
            settings["Zalo:WebhookUrl"] = "https://bot.example.vn/zalo/hook";
        }

        try
        {
            return new ZaloKit(emulator, await BotHarness.StartAsync(settings, services: services, emulator: emulator));
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    public ZaloProcessor Processor => Bot.Get<ZaloProcessor>();

    /// <summary>The user types <paramref name="text"/>; returns the bot's messages sent while the service handled it.</summary>
    public async Task<IReadOnlyList<ZaloChatMessage>> SayAsync(string userId, string text)
    {
        var before = Zalo.Transcript(userId).Count;
        var handled = Processor.Handled;
        Zalo.SendText(userId, text);
        await Emulator.WaitUntilAsync(() => Processor.Handled > handled, BotHarness.Wait);
        return [.. Zalo.Transcript(userId).Skip(before).Where(m => m.FromBot)];
    }

    /// <summary>The number a message offers for the choice whose label contains <paramref name="label"/>.</summary>
    public static int NumberOf(ZaloChatMessage message, string label)
    {
        foreach (Match m in ChoiceLine().Matches(message.Text))
        {
            if (m.Groups["label"].Value.Contains(label, StringComparison.Ordinal))
            {
                return int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No choice '{label}' in: {message.Text}");
    }

    /// <summary>Types the number of the choice <paramref name="label"/> of the last bot message that offers it.</summary>
    public Task<IReadOnlyList<ZaloChatMessage>> ChooseAsync(string userId, string label)
    {
        var offering = Zalo.Transcript(userId).Last(m => m.FromBot && ChoiceLine().Matches(m.Text).Any(c => c.Groups["label"].Value.Contains(label, StringComparison.Ordinal)));
        return SayAsync(userId, NumberOf(offering, label).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The whole registration dialogue by typed replies; returns the stored subscriber.</summary>
    public async Task<Subscriber> RegisterAsync(string userId, string fullName = "Lê Thị Hoa", string unitCode = "SNV-VP")
    {
        Zalo.AddUser(userId, fullName.Split(' ')[^1]);
        await SayAsync(userId, "/start");
        await ChooseAsync(userId, "Đồng ý");
        await SayAsync(userId, fullName);
        await SayAsync(userId, unitCode);
        await ChooseAsync(userId, Bot.Get<IUnits>().Find(unitCode)!.Name);
        await ChooseAsync(userId, "Cán bộ");
        var done = await ChooseAsync(userId, "Xác nhận");
        Assert.Contains(done, m => m.Text.Contains("Đăng ký thành công", StringComparison.Ordinal));
        return Bot.Get<ISubscribers>().Find(PersonOf(userId))!;
    }

    /// <summary>The Telegram user asks for a link code; returns it as shown ("1234 5678").</summary>
    public async Task<string> CodeFromTelegramAsync(long userId)
    {
        var reply = await Bot.SayAsync(userId, "/lienket", m => m.Text?.Contains("Mã liên kết", StringComparison.Ordinal) == true);
        return LinkCode().Match(reply.Text ?? "").Value;
    }

    /// <summary>The Zalo user asks for a link code; returns it as shown ("1234 5678").</summary>
    public async Task<string> CodeFromZaloAsync(string userId)
    {
        var reply = await SayAsync(userId, "/lienket");
        return LinkCode().Match(Assert.Single(reply, m => LinkCode().IsMatch(m.Text)).Text).Value;
    }

    public long PersonOf(string userId) => Bot.Get<IPersonDirectory>().Find(new ChannelAddress(ChannelNames.Zalo, userId))
        ?? throw new InvalidOperationException($"zalo:{userId} is not registered");

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    [GeneratedRegex("\\d{4} \\d{4}")]
    private static partial Regex LinkCode();

    [GeneratedRegex("Trả lời (?<n>\\d+) để chọn: (?<label>[^\\n]*)")]
    private static partial Regex ChoiceLine();
}
