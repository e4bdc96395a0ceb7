using Directive920Bot.Channels;
using Directive920Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>
/// The part of the contract for channels without update ids or buttons (Zalo): the keyed inbox, where a redelivered
/// update is a duplicate by its key, and the typed-reply offers kept per channel and person.
/// </summary>
public abstract partial class StorageContract
{
    private static readonly DateTime Received = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

    [SkippableFact]
    public async Task A_keyed_update_is_stored_once_by_its_key_kept_only_as_a_key_once_handled_and_forgotten_after_its_window()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var inbox = store.GetRequiredService<IInboxStore>();
        KeyedUpdate Update(string key, int minutes) => new()
        {
            Channel = "zalo", Key = key, Json = "{\"text\":\"/start\"}", ChatId = "8f1c", ReceivedAt = Received.AddMinutes(minutes),
        };

        Assert.True(await storage.WriteAsync(tx => inbox.TryAcceptKeyed(tx, Update("message.text.received:m1", 0))));
        Assert.False(await storage.WriteAsync(tx => inbox.TryAcceptKeyed(tx, Update("message.text.received:m1", 5))));
        Assert.True(await storage.WriteAsync(tx => inbox.TryAcceptKeyed(tx, Update("message.text.received:m2", 1))));
        Assert.Equal(["message.text.received:m1", "message.text.received:m2"], inbox.PendingKeyed("zalo").Select(u => u.Key));
        Assert.Equal("{\"text\":\"/start\"}", inbox.PendingKeyed("zalo")[0].Json);
        Assert.Empty(inbox.PendingKeyed("other"));

        await storage.WriteAsync(tx => inbox.MarkKeyedHandled(tx, "zalo", "message.text.received:m1"));
        Assert.Equal(["message.text.received:m2"], inbox.PendingKeyed("zalo").Select(u => u.Key));
        // Handled, its key still makes a redelivery a duplicate.
        Assert.False(await storage.WriteAsync(tx => inbox.TryAcceptKeyed(tx, Update("message.text.received:m1", 9))));

        // Only handled keys received before the cutoff are forgotten; the pending one stays.
        Assert.Equal(1, await storage.WriteAsync(tx => inbox.ForgetKeyed(tx, "zalo", Received.AddMinutes(10))));
        Assert.Equal(["message.text.received:m2"], inbox.PendingKeyed("zalo").Select(u => u.Key));
        Assert.True(await storage.WriteAsync(tx => inbox.TryAcceptKeyed(tx, Update("message.text.received:m1", 20))));
    }

    [SkippableFact]
    public async Task An_offer_of_typed_replies_is_replaced_withdrawn_per_channel_and_forgotten_with_the_person()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var offers = store.GetRequiredService<IOfferedChoicesStore>();
        OfferedChoices Offer(string channel, long person, params string[] labels) => new()
        {
            Channel = channel, PersonId = person, OfferedAt = Received, Choices = [.. labels.Select(l => new OfferedChoice(l, CallbackKey: "k-" + l))],
        };

        await storage.WriteAsync(tx => offers.Offer(tx, Offer("zalo", 7, "Đã đọc")));
        await storage.WriteAsync(tx => offers.Offer(tx, Offer("zalo", 7, "A", "B")));
        await storage.WriteAsync(tx => offers.Offer(tx, Offer("other", 7, "C")));
        await storage.WriteAsync(tx => offers.Offer(tx, Offer("zalo", 8, "D")));

        var found = offers.Find("zalo", 7);
        Assert.NotNull(found);
        Assert.Equal(["A", "B"], found.Choices.Select(c => c.Label));
        Assert.Equal("k-B", found.Choices[1].CallbackKey);

        await storage.WriteAsync(tx => offers.Withdraw(tx, "zalo", 8));
        Assert.Null(offers.Find("zalo", 8));
        Assert.Equal(2, await storage.WriteAsync(tx => offers.Forget(tx, 7)));
        Assert.Null(offers.Find("zalo", 7));
        Assert.Null(offers.Find("other", 7));
    }
}
