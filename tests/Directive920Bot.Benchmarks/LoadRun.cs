using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Delivery;

namespace Directive920Bot.Benchmarks;

/// <summary>
/// Issue #15 item 1, measured from outside: the real service against the emulator with Telegram's limits on (30/s per
/// bot, 1 s per chat), a broadcast to every subscriber running, one unregistered person sending 50 messages a second,
/// and other cadres asking /help and pressing the broadcast's acknowledgement button. Prints the reply p95, the slowest
/// callback answer, the broadcast's rate against its configured rate, and the 429s Telegram returned.
/// <c>dotnet run -c Release --project tests/Directive920Bot.Benchmarks -- load [seconds]</c>
/// </summary>
internal static class LoadRun
{
    private const int Subscribers = 3000;
    private const int Cadres = 10;
    private const long Flooder = 42;
    private const string BroadcastText = "Thông báo thử tải: đồng chí đọc và xác nhận.";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        await using var host = await BenchmarkHost.StartAsync(new Dictionary<string, string?>(), start: false);
        host.Emulator.RateLimits.Enabled = true; // Telegram's limits, enforced
        host.Seed(Subscribers, addUsers: true);
        host.Emulator.AddUser(Flooder, "Flood");
        await host.App.StartAsync();
        var rate = host.Get<Microsoft.Extensions.Options.IOptions<DeliveryOptions>>().Value.EffectiveRate;

        var campaign = host.Get<CampaignService>().Create(new CampaignRequest(null, BroadcastText, new AudienceRequest(All: true), RequireAck: true), Actor.Console("load"));
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var replies = new ConcurrentBag<double>();
        var answers = new ConcurrentBag<double>();
        var unanswered = 0;

        var flood = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                host.Emulator.SendText(Flooder, "spam " + n++.ToString(CultureInfo.InvariantCulture));
                await Task.Delay(20, CancellationToken.None);
            }
        });

        var cadres = Enumerable.Range(1, Cadres).Select(i => Task.Run(async () =>
        {
            var chat = 1_000_000L + i;
            await Task.Delay(TimeSpan.FromMilliseconds(i * 700), CancellationToken.None);
            var pressed = false;
            while (!stop.IsCancellationRequested)
            {
                var last = host.Emulator.Transcript(chat).Where(m => m.FromBot).Select(m => m.MessageId).DefaultIfEmpty(0).Max();
                var asked = Stopwatch.StartNew();
                host.Emulator.SendText(chat, "/help");
                try
                {
                    await host.Emulator.WaitForBotMessageAsync(chat, m => m.MessageId > last && m.Text?.Contains("Thông báo thử tải", StringComparison.Ordinal) != true, TimeSpan.FromSeconds(30));
                    replies.Add(asked.Elapsed.TotalSeconds);
                }
                catch (TimeoutException)
                {
                    replies.Add(30);
                }

                var broadcast = host.Emulator.Transcript(chat).FirstOrDefault(m => m.FromBot && m.Text?.Contains("Thông báo thử tải", StringComparison.Ordinal) == true && m.Buttons.Count > 0);
                if (!pressed && broadcast is not null && broadcast.Buttons.SelectMany(r => r).FirstOrDefault(b => b.CallbackData is not null) is { } button)
                {
                    pressed = true;
                    var press = Stopwatch.StartNew();
                    var id = host.Emulator.PressButton(chat, broadcast.MessageId, button.CallbackData!);
                    while (host.Emulator.GetCallbackAnswer(id)?.Answered != true && press.Elapsed < TimeSpan.FromSeconds(15))
                    {
                        await Task.Delay(20, CancellationToken.None);
                    }

                    if (host.Emulator.GetCallbackAnswer(id)?.Answered == true)
                    {
                        answers.Add(press.Elapsed.TotalSeconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref unanswered);
                    }
                }

                await Task.Delay(TimeSpan.FromSeconds(Cadres), CancellationToken.None);
            }
        })).ToList();

        await Task.WhenAll(cadres.Append(flood));
        var elapsed = clock.Elapsed.TotalSeconds;
        var broadcastSent = host.Emulator.Calls.Count(c => c.Method == "sendMessage" && c.StatusCode == 200 && c.ChatId is > 1_000_000);
        var cadreReplies = replies.Count;
        var sorted = replies.Order().ToList();
        var p95 = sorted.Count == 0 ? double.NaN : sorted[(int)Math.Ceiling(sorted.Count * 0.95) - 1];
        var flooderMessages = host.Emulator.Transcript(Flooder).Count(m => m.FromBot);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load: {elapsed:F0} s, {Subscribers} subscribers, flood 50 msg/s from one unregistered user, {Cadres} cadres asking /help every {Cadres} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"other cadres' replies: {cadreReplies}, p95 {p95:F2} s, max {sorted.DefaultIfEmpty(double.NaN).Max():F2} s (goal p95 ≤ 1.5 s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"callbacks: {answers.Count} answered, slowest {answers.DefaultIfEmpty(double.NaN).Max():F2} s, {unanswered} unanswered after 15 s (goal all ≤ 5 s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sends to subscribers' chats: {broadcastSent} in {elapsed:F0} s = {broadcastSent / elapsed:F1}/s against the configured {rate:F0}/s = {broadcastSent / elapsed / rate:F2}× (goal ≥ 0.9×; replies to the cadres included)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"flooder got {flooderMessages} messages for {host.Emulator.Transcript(Flooder).Count(m => !m.FromBot)} sent"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"429 returned by the emulator: {host.Emulator.TooManyRequestsReturned}, requests during a penalty: {host.Emulator.RequestsDuringPenalty} (goal 0)"));
        _ = campaign;
        return 0;
    }
}
