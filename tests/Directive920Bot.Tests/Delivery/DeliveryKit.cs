using Directive920Bot.Admin;
using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Directive920Bot.Tests.Infrastructure;

namespace Directive920Bot.Tests.Delivery;

/// <summary>Shared set-up for delivery tests: subscribers seeded straight into the store (no dialogue), fast pacing.</summary>
internal static class DeliveryKit
{
    /// <summary>Fast pacing and no drip track, so that campaign tests see only campaign messages.</summary>
    public static Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Delivery:MessagesPerSecond"] = "500",
            ["Delivery:PerChatInterval"] = "00:00:00",
            ["Delivery:TrackEnabled"] = "false",
            ["Delivery:RetryBaseDelay"] = "00:00:01",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A registered, active subscriber and the matching emulator user; <paramref name="change"/> alters it before its one save.</summary>
    public static Subscriber Seed(this BotHarness bot, long id, string unitCode, bool leader = false, string language = "vi", Action<Subscriber>? change = null)
    {
        bot.User(id, "Cán bộ " + id, language);
        var now = bot.Clock.GetUtcNow().UtcDateTime;
        var subscriber = new Subscriber
        {
            Id = id,
            Language = language,
            Status = SubscriberStatus.Active,
            FullName = "Cán bộ " + id,
            UnitCode = unitCode,
            Role = leader ? CadreRole.Leader : CadreRole.Staff,
            ConsentAt = now,
            ConsentVersion = "test",
            RegisteredAt = now,
        };
        change?.Invoke(subscriber);
        bot.Get<IStorage>().Write(tx => bot.Get<ISubscribers>().Save(tx, subscriber));
        return subscriber;
    }

    public static Campaign Announce(this BotHarness bot, string text, AudienceRequest audience, DateTimeOffset? sendAt = null) =>
        bot.Get<CampaignService>().Create(new CampaignRequest(null, text, audience, sendAt), Actor.Console("test"));

    /// <summary>Waits until no row of the campaign is pending or sending; advances the business clock a second per round so retries fall due.</summary>
    public static async Task DrainAsync(this BotHarness bot, string campaignId, bool advanceClock = false, TimeSpan? timeout = null)
    {
        var service = bot.Get<CampaignService>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (service.Progress(campaignId).Remaining > 0)
        {
            if (waited.Elapsed > (timeout ?? TimeSpan.FromSeconds(30)))
            {
                var left = bot.Get<DeliveryLedger>().ForCampaign(campaignId).Where(r => r.State is DeliveryState.Pending or DeliveryState.Sending)
                    .Select(r => $"{r.Id} {r.State} due {r.DueAt:O} attempts {r.Attempts} {r.LastError}");
                throw new TimeoutException($"Campaign {campaignId} still has {service.Progress(campaignId).Remaining} rows to send (now {bot.Clock.GetUtcNow():O}): {string.Join("; ", left)}");
            }

            if (advanceClock)
            {
                bot.Clock.Advance(TimeSpan.FromSeconds(1));
            }

            await Task.Delay(50);
        }
    }

    public static int BotMessageCount(this BotHarness bot, long chatId) => bot.BotMessages(chatId).Count;
}
