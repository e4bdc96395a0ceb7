using Directive920Bot.Channels;
using Directive920Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Storage.Contract;

/// <summary>
/// The Telegram inbox as several instances use it (issue 19): the store numbers the batches, decides in the accepting
/// transaction which updates are new (merging the seen ranges of every instance) and returns only what it stored, and
/// hands the batches nobody handles to whoever claims them. "Instances" here are owners writing through the one store.
/// </summary>
public abstract partial class StorageContract
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>A batch another owner holds stays its own until its lease runs out (PostgreSQL), rather than until the next start.</summary>
    protected virtual bool LeasesInboxBatches => false;

    protected static StoredUpdate Update(int id, long chat = 7) => new() { Id = id, Json = "{\"update_id\":" + id + "}", ChatKey = chat, ReceivedAt = BusinessNow };

    protected static InboxArrival Arrival(string channel, string owner, int nextOffset, params StoredUpdate[] updates) =>
        new(channel, owner, updates, nextOffset, BusinessNow, Week, TimeSpan.FromHours(1));

    private static InboxArrival Arrival(string owner, TimeSpan lease, params int[] ids) =>
        new("telegram", owner, [.. ids.Select(i => Update(i))], ids.Max() + 1, BusinessNow, Week, lease);

    [SkippableFact]
    public async Task Two_owners_accepting_at_once_never_get_the_same_batch_id_and_every_update_is_stored_once()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var inbox = store.GetRequiredService<IInboxStore>();

        // 60 arrivals from two owners, each id sent to both (a webhook retry that reached the other instance).
        var accepted = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() =>
            storage.WriteAsync(tx => inbox.Accept(tx, Arrival(i % 2 == 0 ? "a" : "b", TimeSpan.FromHours(1), 1000 + (i / 2)))))));

        var stored = accepted.OfType<StoredUpdateBatch>().ToList();
        Assert.Equal(30, stored.Count);
        Assert.Equal(stored.Count, stored.Select(b => b.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(1000, 30), stored.SelectMany(b => b.Updates).Select(u => u.Id).Order());
        Assert.Equal(stored.Select(b => b.Id).Order(), inbox.Batches().Select(b => b.Id));
        Assert.Equal(1030, inbox.ReadCursor("telegram")!.Offset);
    }

    [SkippableFact]
    public async Task Accept_returns_only_what_it_stored_and_remembers_the_ids_every_owner_saw()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var inbox = store.GetRequiredService<IInboxStore>();

        var first = await storage.WriteAsync(tx => inbox.Accept(tx, Arrival("a", TimeSpan.FromHours(1), 10, 11, 12)));
        var second = await storage.WriteAsync(tx => inbox.Accept(tx, Arrival("b", TimeSpan.FromHours(1), 20, 21)));
        // B's cursor was never read by A: A's next arrival still knows B's ids (no write over another's ranges)...
        var overlap = await storage.WriteAsync(tx => inbox.Accept(tx, Arrival("a", TimeSpan.FromHours(1), 11, 21, 22, 22)));
        // ...and a late arrival with a lower offset does not move the cursor back.
        var late = await storage.WriteAsync(tx => inbox.Accept(tx, Arrival("b", TimeSpan.FromHours(1), 12)));

        Assert.Equal([10, 11, 12], first!.Updates.Select(u => u.Id));
        Assert.Equal("a", first.Owner);
        Assert.Equal([20, 21], second!.Updates.Select(u => u.Id));
        Assert.Equal([22], overlap!.Updates.Select(u => u.Id));
        Assert.Null(late);
        Assert.True(second.Id > first.Id && overlap.Id > second.Id);
        var cursor = inbox.ReadCursor("telegram")!;
        Assert.Equal(23, cursor.Offset);
        Assert.Equal([(10, 12), (20, 22)], cursor.Seen.Select(r => (r.From, r.To)));
        Assert.Equal([("a", 3), ("b", 2), ("a", 1)], inbox.Batches().Select(b => (b.Owner, b.Updates.Count)));
    }

    [SkippableFact]
    public async Task Batches_of_an_owner_that_stopped_are_claimed_once_by_another_with_their_updates()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var inbox = store.GetRequiredService<IInboxStore>();
        await storage.WriteAsync(tx => inbox.Accept(tx, Arrival("a", TimeSpan.FromHours(1), 30, 31)));
        var own = await storage.WriteAsync(tx => inbox.Accept(tx, Arrival("b", TimeSpan.FromHours(1), 32)));

        await storage.WriteAsync(tx => inbox.Release(tx, "a"));
        Assert.True(inbox.AnyToClaim("b"));
        var claimed = await storage.WriteAsync(tx => inbox.Claim(tx, "b", TimeSpan.FromHours(1)));

        // B's own batch is not claimed again; A's comes whole, and is B's now: nobody claims it a second time.
        Assert.Equal([30, 31], Assert.Single(claimed).Updates.Select(u => u.Id));
        Assert.Equal(["b", "b"], inbox.Batches().Select(b => b.Owner));
        Assert.False(inbox.AnyToClaim("b"));
        Assert.Empty(await storage.WriteAsync(tx => inbox.Claim(tx, "b", TimeSpan.FromHours(1))));
        Assert.NotEqual(own!.Id, claimed[0].Id);
    }

    [SkippableFact]
    public async Task A_batch_is_claimed_by_another_owner_when_its_lease_runs_out_and_not_while_it_is_renewed()
    {
        var store = Store();
        var storage = store.GetRequiredService<IStorage>();
        var inbox = store.GetRequiredService<IInboxStore>();
        // The store says whether it leases (the inbox renews only then: no empty transaction on the embedded store).
        Assert.Equal(LeasesInboxBatches, inbox.LeasesBatches);
        await storage.WriteAsync(tx => inbox.Accept(tx, Arrival("a", TimeSpan.FromHours(1), 40)));
        await storage.WriteAsync(tx => inbox.Accept(tx, Arrival("a", TimeSpan.FromMilliseconds(1), 41)));
        await Task.Delay(20); // the short lease runs out on the server's clock

        var claimed = await storage.WriteAsync(tx => inbox.Claim(tx, "b", TimeSpan.FromHours(1)));

        // A live lease keeps a batch with its owner where several instances share the store; on the embedded store one
        // process is the only writer, so whatever another run left is taken at once.
        Assert.Equal(LeasesInboxBatches ? [41] : [40, 41], claimed.SelectMany(b => b.Updates).Select(u => u.Id));
        Assert.Equal(LeasesInboxBatches ? ["a", "b"] : ["b", "b"], inbox.Batches().Select(b => b.Owner));

        // A renewed lease (A still handling) is not taken even after the old expiry would have passed.
        await storage.WriteAsync(tx => inbox.Accept(tx, Arrival("c", TimeSpan.FromMilliseconds(1), 42)));
        await storage.WriteAsync(tx => inbox.Renew(tx, "c", TimeSpan.FromHours(1)));
        await Task.Delay(20);
        Assert.Equal(LeasesInboxBatches ? [] : [42], (await storage.WriteAsync(tx => inbox.Claim(tx, "b", TimeSpan.FromHours(1)))).SelectMany(b => b.Updates).Select(u => u.Id));
    }
}
