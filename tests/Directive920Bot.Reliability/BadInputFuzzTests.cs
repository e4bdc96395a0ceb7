using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Emulator;
using Directive920Bot.Reliability.Infrastructure;
using Directive920Bot.Tests.Delivery;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Directive920Bot.Reliability;

/// <summary>
/// 10,000 generated updates (fixed seed): random commands and texts (empty, over 4,096 characters, emoji, combining
/// marks, right-to-left, control characters), forged, foreign and replayed callback data, update types the bot does not
/// ask for, edited messages, stickers, photos, files, huge and malformed documents. The service does not crash, logs no
/// error and no exception, answers every button press and every person, and forged input changes nothing stored.
/// </summary>
public sealed class BadInputFuzzTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Ten_thousand_hostile_updates_crash_nothing_log_no_error_answer_everyone_and_forged_input_changes_no_state()
    {
        var total = ReliabilitySwitch.Pick(ci: 10_000, longRun: 50_000);
        var random = new Random(ReliabilitySwitch.Seed + 3);
        var input = new HostileInput(random);
        var logs = new LogCollector();
        await using var bot = await BotHarness.StartAsync(
            DeliveryKit.Settings(("Delivery:MessagesPerSecond", "1000")),
            services: s => s.AddSingleton<ILoggerProvider>(logs));
        var registered = Enumerable.Range(1, 40).Select(i => 300_000L + i).ToList();
        var strangers = Enumerable.Range(1, 20).Select(i => 300_100L + i).ToList();
        foreach (var id in registered)
        {
            bot.Seed(id, "SNV-VP");
        }

        foreach (var id in strangers)
        {
            bot.User(id, "Người lạ");
        }

        // Real buttons to forge, borrow and replay: an announcement each registered cadre must acknowledge.
        var announcement = bot.Get<CampaignService>().Create(
            new CampaignRequest(null, "Đề nghị các đồng chí xác nhận đã đọc Thông báo 920-TB/TU.", new AudienceRequest(["SNV-VP"], IncludeSubUnits: false), RequireAck: true),
            Actor.Console("fuzz"));
        await bot.DrainAsync(announcement.Id, timeout: Patience);
        var keys = registered.ToDictionary(id => id, id => bot.BotMessages(id).Where(m => m.Buttons.Count > 0).Select(m => (m.MessageId, Data: m.Buttons.SelectMany(r => r).First(b => b.CallbackData is not null).CallbackData!)).Last());
        var presses = new List<string>();
        var humanInputs = 0;

        // Phase 1, forged input only (about a third): forged and foreign callback data, odd messages from cadres, update
        // types the bot does not ask for, junk files from cadres who are not admins. Nothing stored may change.
        await bot.StopHostAsync();
        var before = StoreCounts.Of(bot.DatabasePath);
        await bot.StartHostAsync();
        var forged = total / 3;
        for (var i = 0; i < forged; i++)
        {
            var user = registered[random.Next(registered.Count)];
            switch (random.Next(5))
            {
                case 0:
                    presses.Add(bot.Emulator.PressForgedButton(user, keys[user].MessageId, input.ForgedData()));
                    break;
                case 1:
                    var other = registered[random.Next(registered.Count)];
                    if (other != user)
                    {
                        presses.Add(bot.Emulator.PressForgedButton(user, keys[user].MessageId, keys[other].Data));
                    }

                    break;
                case 2:
                    bot.Emulator.SendRawUpdate("message", input.OddMessage(user, bot.Emulator.NextRawMessageId(user)).ToJsonString());
                    humanInputs++;
                    break;
                case 3:
                    var (type, payload) = input.OddUpdate(user, bot.Emulator.NextRawMessageId(user));
                    bot.Emulator.SendRawUpdate(type, payload.ToJsonString());
                    break;
                default:
                    var (name, content, mime) = input.Document();
                    bot.Emulator.SendDocument(user, name, content, mime);
                    humanInputs++;
                    break;
            }
        }

        await SettleAsync(bot, presses, registered);
        await bot.StopHostAsync();
        var after = StoreCounts.Of(bot.DatabasePath);
        Assert.Equal("", StoreCounts.Diff(before, after));
        await bot.StartHostAsync();
        log.WriteLine($"phase 1: {forged} forged updates, {presses.Count} presses; {after.Count} collections unchanged");

        // Phase 2, everything (the rest): texts and commands from cadres and strangers, own buttons pressed again and
        // again (replays), forged data, files, odd messages and updates.
        var everyone = registered.Concat(strangers).ToList();
        for (var i = forged; i < total; i++)
        {
            var user = everyone[random.Next(everyone.Count)];
            var cadre = keys.ContainsKey(user);
            switch (random.Next(10))
            {
                case 0 or 1 or 2:
                    bot.Emulator.SendText(user, input.Text());
                    humanInputs++;
                    break;
                case 3 or 4:
                    bot.Emulator.SendText(user, input.Command());
                    humanInputs++;
                    break;
                case 5 when cadre:
                    presses.Add(bot.Emulator.PressForgedButton(user, keys[user].MessageId, keys[user].Data));
                    break;
                case 6 when cadre:
                    presses.Add(bot.Emulator.PressForgedButton(user, keys[user].MessageId, input.ForgedData()));
                    break;
                case 7:
                    var (name, content, mime) = input.Document();
                    bot.Emulator.SendDocument(user, name, content, mime);
                    humanInputs++;
                    break;
                case 8:
                    bot.Emulator.SendRawUpdate("message", input.OddMessage(user, bot.Emulator.NextRawMessageId(user)).ToJsonString());
                    humanInputs++;
                    break;
                default:
                    var (type, payload) = input.OddUpdate(user, bot.Emulator.NextRawMessageId(user));
                    bot.Emulator.SendRawUpdate(type, payload.ToJsonString());
                    break;
            }
        }

        await SettleAsync(bot, presses, everyone);

        var silent = everyone.Where(id => bot.BotMessages(id).Count == 0).ToList();
        var replies = everyone.Sum(id => bot.BotMessages(id).Count);
        log.WriteLine($"phase 2: {total - forged} updates; {humanInputs} human messages in all, {replies} bot messages, {presses.Count} presses");
        Assert.Empty(logs.Problems);
        Assert.All(presses, id => Assert.True(bot.Emulator.GetCallbackAnswer(id)?.Answered == true, $"press {id} was not answered"));
        Assert.Empty(silent);
    }

    /// <summary>
    /// Waits until the bot took every update, answered every press, and — one person's updates are handled in order —
    /// answered a last /help from each person: then everything before it was handled too.
    /// </summary>
    private static async Task SettleAsync(BotHarness bot, List<string> presses, IReadOnlyList<long> people)
    {
        await bot.Emulator.WaitUntilAsync(() => bot.Emulator.PendingUpdateCount == 0, Patience);
        await bot.Emulator.WaitUntilAsync(() => presses.All(id => bot.Emulator.GetCallbackAnswer(id)?.Answered == true), Patience);
        foreach (var id in people)
        {
            var before = bot.BotMessages(id).Count;
            bot.Emulator.SendText(id, "/help");
            await bot.Emulator.WaitUntilAsync(() => bot.BotMessages(id).Count > before, Patience);
        }
    }
}
