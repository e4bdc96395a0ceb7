using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Reliability.Infrastructure;
using Directive920Bot.Reports;
using Directive920Bot.Telegram;
using Directive920Bot.Tests.Delivery;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Directive920Bot.Reliability;

/// <summary>
/// The cadre journey in webhook mode, round after round for a fixed time (20 s in CI, 5 minutes with
/// <c>D920_RELIABILITY_LONG=1</c>, or <c>D920_SOAK_SECONDS</c>): cadres register through the dialogue, then each round
/// an announcement goes to their unit and every cadre acknowledges it, asks for /help and asks the notice a question —
/// all updates POSTed by the emulator to the service's webhook as Telegram does. At the end no error was
/// logged, the emulator saw no failed webhook delivery, every press was answered once, every acknowledgement counted
/// once and the inbox is empty. How many rounds fit depends on the machine; what is asserted does not.
/// </summary>
public sealed class WebhookSoakTests(ITestOutputHelper log)
{
    private const string Unit = "SNV-VP";
    private const int Cadres = 12;

    [Fact]
    public async Task The_cadre_journey_runs_for_minutes_in_webhook_mode_without_an_error_a_lost_update_or_an_unanswered_press()
    {
        var duration = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("D920_SOAK_SECONDS"), CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : ReliabilitySwitch.Pick(ci: 20, longRun: 300));
        var logs = new LogCollector();
        await using var bot = await BotHarness.StartAsync(
            DeliveryKit.Settings(("Delivery:MessagesPerSecond", "1000")),
            services: s => s.AddSingleton<ILoggerProvider>(logs),
            webhook: true);
        var cadres = Enumerable.Range(1, Cadres).Select(i => 410_000L + i).ToList();
        foreach (var id in cadres)
        {
            await bot.RegisterAsync(id, Name(id), Unit);
        }

        var presses = new ConcurrentBag<string>();
        var replies = 0;
        var rounds = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            rounds++;
            var marker = string.Create(CultureInfo.InvariantCulture, $"Tin thông báo số {rounds}");
            var campaign = bot.Get<CampaignService>().Create(
                new CampaignRequest(null, marker + ": đề nghị các đồng chí xác nhận đã đọc.", new AudienceRequest([Unit], IncludeSubUnits: false), RequireAck: true),
                Actor.Console("soak"));
            await bot.DrainAsync(campaign.Id, timeout: TimeSpan.FromMinutes(2));
            await Task.WhenAll(cadres.Select(async id =>
            {
                var announcement = bot.BotMessages(id).Last(m => m.Text?.Contains(marker + ":", StringComparison.Ordinal) == true);
                var label = announcement.Buttons.SelectMany(r => r).First(b => b.CallbackData is not null).Text;
                presses.Add(await bot.PressAsync(id, announcement, label));
                await bot.SayAsync(id, "/help");
                await bot.SayAsync(id, "Cán bộ, công chức cần làm gì để nêu gương?");
                Interlocked.Add(ref replies, 2);
            }));
        }

        var inbox = bot.Get<UpdateInbox>();
        await bot.Emulator.WaitUntilAsync(() => inbox.Pending().Count == 0, BotHarness.Wait);
        var acknowledged = bot.Get<ReportService>().Unit(Unit)!.Acknowledged;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{watch.Elapsed.TotalSeconds:0} s, {rounds} rounds × {Cadres} cadres: {bot.Emulator.WebhookDeliveries} webhook deliveries, {presses.Count} presses, {replies} replies, {acknowledged} acknowledgements, {bot.Emulator.WebhookFailures} failed deliveries, {logs.Problems.Count} problems logged"));

        Assert.True(logs.Problems.Count == 0, string.Join('\n', logs.Problems.Take(20)));
        Assert.Equal(0, bot.Emulator.WebhookFailures);
        Assert.All(presses, id =>
        {
            var answer = bot.Emulator.GetCallbackAnswer(id)!;
            Assert.True(answer.Answered, $"press {id} not answered");
            Assert.Equal(1, answer.AnswerCount);
        });
        Assert.Equal(rounds * Cadres, presses.Count);
        Assert.Equal(rounds * Cadres, acknowledged);
        Assert.True(bot.Emulator.WebhookDeliveries >= presses.Count + replies, "every update went through the webhook");
    }

    private static string Name(long id) => "Cán bộ Thử " + (char)('A' + (int)(id % 26)) + " Nghiệm";
}
